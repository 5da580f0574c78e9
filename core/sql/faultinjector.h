// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Core {

// A test seam for the "fail the Nth write" suites: every write statement the store runs asks
// `shouldFail()` first. Disarmed (the default) it never fails; the cost is one branch.
class FaultInjector final
{
public:
    // Fail the write that comes after `writes` successful ones; -1 disarms.
    void failAfter(int writes) { m_budget = writes; }
    void disarm() { m_budget = -1; }
    bool armed() const { return m_budget >= 0; }

    bool shouldFail()
    {
        if (m_budget < 0)
            return false;
        if (m_budget == 0) {
            m_budget = -1; // fail once, then behave
            return true;
        }
        --m_budget;
        return false;
    }

private:
    int m_budget = -1;
};

} // namespace Core
