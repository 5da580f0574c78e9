// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/incidenttab.h"

#include "core/cases/caserepository.h"
#include "core/profile/session.h"
#include "core/regions/regionindex.h"
#include "ui/common/codelabels.h"
#include "ui/common/uitext.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

IncidentTab::IncidentTab(Core::Session &session, const QString &language, QWidget *parent)
    : CaseTab(session, language, parent)
    , m_text(new QLabel(this))
{
    m_text->setObjectName(u"incidentLabel"_s);
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setMargin(8);
    column()->setContentsMargins(0, 0, 0, 0);
    column()->addWidget(m_text);
}

void IncidentTab::open(const QString &caseId)
{
    CaseTab::open(caseId);
    if (caseId.isEmpty())
        m_text->clear();
}

void IncidentTab::fill(const Core::CaseFile &file)
{
    const Core::Record &kase = file.kase;
    const QString place = kase.text(u"incident_place"_s);
    const QList<std::pair<QString, QString>> rows{
        {tr("Reported"), date(kase.text(u"reported_on"_s), QLocale::LongFormat)},
        {tr("Incident date"), date(kase.text(u"incident_on"_s), QLocale::LongFormat)},
        {tr("Place"), m_session.regions().displayPath(kase.text(u"incident_region"_s))
                          + (place.isEmpty() ? QString() : u" — "_s + place)},
        {tr("Scene"), label(u"scene", kase.text(u"incident_scene"_s))},
        {tr("Violence"), CodeLabels::labels(m_session.codes(), u"violence_type",
                                            kase.value(u"violence_types"_s).toStringList(), m_language)},
        {tr("Case type"), CodeLabels::labels(m_session.codes(), u"case_typing",
                                             kase.value(u"typing"_s).toStringList(), m_language)},
        {tr("Narrative"), kase.text(u"narrative"_s)},
    };
    QString html = u"<table cellpadding='4'>"_s;
    for (const auto &[name, value] : rows)
        html += u"<tr><td valign='top'><b>%1</b></td><td>%2</td></tr>"_s.arg(
            name.toHtmlEscaped(), UiText::orEmpty(value).toHtmlEscaped().replace(u'\n', u"<br>"_s));
    m_text->setText(html + u"</table>"_s);
}
