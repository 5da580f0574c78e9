// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/riskinstrument.h"

#include "core/codes/codelists.h"
#include "core/domain/workflow.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using Core::RiskInstrument;

namespace {

RiskInstrument builtin()
{
    Core::Result<RiskInstrument> loaded = RiskInstrument::loadBuiltin();
    REQUIRE(loaded.ok());
    return std::move(loaded).value();
}

QJsonObject builtinJson()
{
    QFile file(u":/data/risk/risk_instrument.json"_s);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QJsonDocument::fromJson(file.readAll()).object();
}

// The built-in data with one change, loaded.
Core::Result<RiskInstrument> loadChanged(const std::function<void(QJsonObject &)> &change)
{
    QJsonObject root = builtinJson();
    change(root);
    return RiskInstrument::loadFromJson(QJsonDocument(root).toJson());
}

// Replaces entry `index` of array `key` after changing it.
void changeEntry(QJsonObject &root, const QString &key, int index,
                 const std::function<void(QJsonObject &)> &change)
{
    QJsonArray array = root.value(key).toArray();
    QJsonObject entry = array.at(index).toObject();
    change(entry);
    array.replace(index, entry);
    root.insert(key, array);
}

QVariantMap yes(const QStringList &items)
{
    QVariantMap answers;
    for (const QString &item : items)
        answers.insert(item, u"yes"_s);
    return answers;
}

} // namespace

TEST_CASE("the built-in risk instrument has the four levels of the code list and the village checklist",
          "[core][domain][risk]")
{
    const RiskInstrument instrument = builtin();
    CHECK_FALSE(instrument.version().isEmpty());
    const Core::Result<Core::CodeLists> codes = Core::CodeLists::loadBuiltin();
    REQUIRE(codes.ok());
    QStringList levelCodes;
    for (const Core::RiskLevelDef &level : instrument.levels()) {
        levelCodes << level.code;
        CHECK_FALSE(level.definition(u"id").isEmpty());
        CHECK(level.definition(u"en") != level.definition(u"id"));
    }
    QStringList listCodes;
    for (const Core::CodeItem &item : codes->items(u"risk_level"))
        listCodes << item.code;
    CHECK(levelCodes == listCodes); // same codes, lowest first
    QStringList items;
    for (const Core::RiskItem &item : instrument.items()) {
        items << item.code;
        CHECK(item.text(u"id").endsWith(u'?'));
        CHECK(item.text(u"en_GB").endsWith(u'?'));
    }
    for (const char *expected :
         {"threat_to_kill", "weapon", "perpetrator_access", "previous_violence", "escalation",
          "child_lives_with_perpetrator", "strangulation", "pregnancy", "suicide_self_harm",
          "sexual_violence", "no_safe_place", "substance_use", "afraid_to_go_home"})
        CHECK(items.contains(QString::fromLatin1(expected)));
}

TEST_CASE("the suggestion follows the documented rules", "[core][domain][risk]")
{
    const RiskInstrument r = builtin();
    CHECK(r.suggest({}) == u"low");
    CHECK(r.suggest(yes({u"previous_violence"_s})) == u"low");
    CHECK(r.suggest(yes({u"previous_violence"_s, u"substance_use"_s})) == u"medium"); // score 2
    // Rules raise the level whatever the score.
    CHECK(r.suggest(yes({u"threat_to_kill"_s, u"weapon"_s})) == u"critical");
    CHECK(r.suggest(yes({u"strangulation"_s})) == u"critical");
    CHECK(r.suggest(yes({u"child_lives_with_perpetrator"_s})) == u"high");
    CHECK(r.suggest(yes({u"perpetrator_access"_s, u"sexual_violence"_s})) == u"high");
    CHECK(r.suggest(yes({u"suicide_self_harm"_s})) == u"high");
    // One half of a pair is not the pair.
    CHECK(r.suggest(yes({u"sexual_violence"_s})) == u"medium");
    CHECK(r.suggest(yes({u"perpetrator_access"_s})) == u"medium");
    // The score alone reaches critical.
    CHECK(r.suggest(yes({u"escalation"_s, u"no_safe_place"_s, u"sexual_violence"_s, u"perpetrator_access"_s,
                         u"previous_violence"_s}))
          == u"critical");
    // "no" and "unknown" add nothing.
    QVariantMap unsure = yes({u"threat_to_kill"_s});
    unsure.insert(u"weapon"_s, u"unknown"_s);
    unsure.insert(u"strangulation"_s, u"no"_s);
    CHECK(r.suggest(unsure) == u"high");
    CHECK(r.score(unsure) == 3);
}

TEST_CASE("levels compare by their order", "[core][domain][risk]")
{
    const RiskInstrument r = builtin();
    CHECK(r.rank(u"low") == 0);
    CHECK(r.rank(u"critical") == 3);
    CHECK(r.rank(u"nope") == -1);
    CHECK(r.higher(u"high"_s, u"medium"_s) == u"high");
    CHECK(r.higher(u"medium"_s, u"high"_s) == u"high");
    CHECK(r.higher(QString(), u"low"_s) == u"low");
}

TEST_CASE("a damaged risk instrument is refused as corrupt", "[core][domain][risk]")
{
    const auto corrupt = [](const Core::Result<RiskInstrument> &loaded) {
        REQUIRE_FALSE(loaded.ok());
        CHECK(loaded.error().code == Core::Error::Code::Corrupt);
        CHECK(loaded.error().detail.startsWith(u"risk instrument:"));
    };
    corrupt(RiskInstrument::loadFromJson("{\"version\": "));
    corrupt(RiskInstrument::loadFromJson("[]"));
    corrupt(RiskInstrument::loadFromJson(QByteArrayView()));
    corrupt(loadChanged([](QJsonObject &root) { root.remove(u"version"_s); }));
    corrupt(loadChanged([](QJsonObject &root) { root.insert(u"version"_s, u"a version far too long"_s); }));
    corrupt(loadChanged([](QJsonObject &root) { root.insert(u"extra"_s, 1); }));
    corrupt(loadChanged([](QJsonObject &root) { root.insert(u"items"_s, QJsonArray()); }));
    corrupt(loadChanged([](QJsonObject &root) { root.insert(u"levels"_s, u"low"_s); }));
    corrupt(loadChanged([](QJsonObject &root) {
        changeEntry(root, u"items"_s, 1,
                    [](QJsonObject &item) { item.insert(u"code"_s, u"threat_to_kill"_s); });
    }));
    corrupt(loadChanged([](QJsonObject &root) {
        changeEntry(root, u"items"_s, 0, [](QJsonObject &item) { item.remove(u"en"_s); });
    }));
    corrupt(loadChanged([](QJsonObject &root) {
        changeEntry(root, u"items"_s, 0, [](QJsonObject &item) { item.insert(u"weight"_s, 1.5); });
    }));
    corrupt(loadChanged([](QJsonObject &root) {
        changeEntry(root, u"items"_s, 0, [](QJsonObject &item) { item.insert(u"code"_s, u"Bad Code"_s); });
    }));
    corrupt(loadChanged([](QJsonObject &root) { // scores must rise
        changeEntry(root, u"levels"_s, 2, [](QJsonObject &level) { level.insert(u"min_score"_s, 1); });
    }));
    corrupt(loadChanged([](QJsonObject &root) { // and start at 0
        changeEntry(root, u"levels"_s, 0, [](QJsonObject &level) { level.insert(u"min_score"_s, 1); });
    }));
    corrupt(loadChanged([](QJsonObject &root) {
        changeEntry(root, u"rules"_s, 0, [](QJsonObject &rule) { rule.insert(u"level"_s, u"extreme"_s); });
    }));
    corrupt(loadChanged([](QJsonObject &root) {
        changeEntry(root, u"rules"_s, 0,
                    [](QJsonObject &rule) { rule.insert(u"all"_s, QJsonArray{u"no_such_item"_s}); });
    }));
    corrupt(loadChanged([](QJsonObject &root) {
        changeEntry(root, u"rules"_s, 0, [](QJsonObject &rule) { rule.insert(u"all"_s, QJsonArray()); });
    }));
    // The unchanged data loads: each refusal above is about its one change.
    CHECK(loadChanged([](QJsonObject &) {}).ok());
}

TEST_CASE("a damaged instrument never crashes the loader", "[core][domain][risk]")
{
    QFile file(u":/data/risk/risk_instrument.json"_s);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    // Every prefix and a sample of one-byte changes: refused or loaded, never a crash.
    int refused = 0;
    for (qsizetype cut = 0; cut < json.size(); cut += 7)
        refused += RiskInstrument::loadFromJson(json.left(cut)).ok() ? 0 : 1;
    CHECK(refused > 0);
    for (qsizetype at = 0; at < json.size(); at += 13) {
        QByteArray changed = json;
        changed[at] = char(changed.at(at) ^ 0x20);
        (void)RiskInstrument::loadFromJson(changed).ok();
    }
}

TEST_CASE("the status workflow separates forward and backward moves", "[core][domain][workflow]")
{
    using Core::Role;
    namespace W = Core::Workflow;
    CHECK(W::forwardTargets(u"assessment", Role::Caseworker).first() == u"planning");
    CHECK_FALSE(W::forwardTargets(u"assessment", Role::Caseworker).contains(u"outreach"_s));
    CHECK(W::backwardTargets(u"assessment", Role::Caseworker) == QStringList{u"outreach"_s});
    CHECK(W::forwardTargets(u"monitoring", Role::Caseworker)
          == QStringList{u"closure_requested"_s, u"transferred"_s});
    // Only a supervisor closes; a caseworker's requested closure has no step forward.
    CHECK(W::forwardTargets(u"closure_requested", Role::Caseworker).isEmpty());
    CHECK(W::forwardTargets(u"closure_requested", Role::Supervisor).contains(u"closed"_s));
    CHECK(W::backwardTargets(u"closure_requested", Role::Caseworker)
          == QStringList{u"services"_s, u"monitoring"_s});
    CHECK(W::backwardTargets(u"closed", Role::Supervisor) == QStringList{u"assessment"_s});
    CHECK(W::forwardTargets(u"closed", Role::Supervisor).isEmpty());
    CHECK(W::needsSupervisor(u"closure_requested"));
    CHECK_FALSE(W::needsSupervisor(u"planning"));
}
