// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/validator.h"

#include "core/clock/clock.h"
#include "core/codes/codelists.h"
#include "core/regions/regionindex.h"
#include "core/changelog/schema.h"
#include "core/util/text.h"
#include "core/util/uuid.h"
#include "core/domain/nikvalidator.h"

#include <QJsonValue>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Core {

namespace {

// Dates of events that have happened: never in the future.
bool isPastEvent(const QString &field)
{
    static const QStringList past = {u"reported_on"_s, u"incident_on"_s, u"birth_date"_s,
                                     u"referred_on"_s, u"accepted_on"_s, u"completed_on"_s};
    return past.contains(field);
}

bool isNull(const QVariant &v)
{
    return !v.isValid() || v.isNull();
}

bool hasForbiddenControl(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.unicode() < 0x20 && c != u'\n' && c != u'\t' && c != u'\r')
            return true;
        if (c == QChar::ReplacementCharacter)
            return true;
        // A surrogate pair is one character outside the BMP (emoji pasted from WhatsApp);
        // only an unpaired half is invalid.
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.isSurrogate())
            return true;
    }
    return false;
}

std::optional<qint64> integral(const QVariant &v)
{
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (!ok || v.typeId() == QMetaType::QString || v.typeId() == QMetaType::Bool || std::floor(d) != d
        || std::abs(d) > 9.0e15)
        return std::nullopt;
    return qint64(d);
}

} // namespace

Validator::Validator(const CodeLists &codes, const RegionIndex &regions, const Clock &clock,
                     DistrictTime time)
    : m_codes(codes)
    , m_regions(regions)
    , m_clock(clock)
    , m_time(time)
    , m_nik(std::make_unique<const NikValidator>(regions))
{ }

Validator::~Validator() = default;

QDate Validator::today() const
{
    // The profile's district decides: at 23:30 WITA tomorrow's date is still in the future,
    // whatever the zone of the laptop's operating system.
    return m_time.today(m_clock);
}

QStringList Validator::takeWarnings() const
{
    return std::exchange(m_warnings, {});
}

Status Validator::validate(const EntityDef &entity, QVariantHash &values, bool insert) const
{
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const FieldDef *field = entity.field(it.key());
        if (!field)
            return invalidInput(it.key(),
                                u"unknown field \"%1\" for %2"_s.arg(it.key().left(64), entity.name));
        if (field->kind == FieldKind::ServerOnly)
            return invalidInput(it.key(), u"%1 is assigned by the system"_s.arg(it.key()));
    }
    for (const FieldDef &field : entity.fields) {
        auto it = values.find(field.name);
        if (it == values.end()) {
            if (insert && field.required)
                return invalidInput(field.name, u"%1 is required"_s.arg(field.name));
            continue;
        }
        if (Status s = validateField(entity, field, *it); !s)
            return s;
        if (isNull(*it) && field.required)
            return invalidInput(field.name, u"%1 is required"_s.arg(field.name));
    }
    return crossCheck(entity, values);
}

Status Validator::validateField(const EntityDef &entity, const FieldDef &field, QVariant &value) const
{
    Q_UNUSED(entity);
    if (isNull(value))
        return {};
    if (field.kind == FieldKind::Set) {
        if (value.typeId() != QMetaType::QVariantList && value.typeId() != QMetaType::QStringList)
            return invalidInput(field.name, u"%1 must be a list of codes"_s.arg(field.name));
        QStringList codes;
        for (const QVariant &element : value.toList()) {
            const QString code = element.toString();
            if (element.typeId() != QMetaType::QString || !m_codes.contains(field.codeList, code))
                return invalidInput(field.name, u"%1 holds a value that is not a code of the list %2"_s.arg(
                                                    field.name, field.codeList));
            if (!codes.contains(code))
                codes << code;
        }
        value = codes;
        return {};
    }
    switch (field.type) {
    case ValueType::Text: {
        if (value.typeId() != QMetaType::QString)
            return invalidInput(field.name, u"%1 must be text"_s.arg(field.name));
        QString text = value.toString().trimmed();
        const int limit = field.maxLength > 0 ? field.maxLength : Schema::defaultTextLimit;
        if (text.size() > limit) {
            return invalidInput(
                field.name,
                u"%1 is too long: %2 characters, at most %3"_s.arg(field.name).arg(text.size()).arg(limit));
        }
        if (hasForbiddenControl(text))
            return invalidInput(field.name,
                                u"%1 contains control characters or invalid Unicode"_s.arg(field.name));
        value = text.isEmpty() ? QVariant() : QVariant(text);
        return {};
    }
    case ValueType::Code: {
        const QString code = value.toString();
        if (value.typeId() != QMetaType::QString || !m_codes.contains(field.codeList, code))
            return invalidInput(field.name,
                                u"%1 is not a code of the list %2"_s.arg(field.name, field.codeList));
        return {};
    }
    case ValueType::Region: {
        const QString code = RegionIndex::normaliseCode(value.toString());
        if (value.typeId() != QMetaType::QString || code.isEmpty() || !m_regions.find(code))
            return invalidInput(field.name, u"%1 is not a known region code"_s.arg(field.name));
        value = code;
        return {};
    }
    case ValueType::Date: {
        const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
        if (value.typeId() != QMetaType::QString || !date.isValid() || value.toString().size() != 10)
            return invalidInput(field.name, u"%1 must be a date as YYYY-MM-DD"_s.arg(field.name));
        if (date.year() < 1900)
            return invalidInput(field.name, u"%1 is before 1900"_s.arg(field.name));
        if (isPastEvent(field.name) && date > today())
            return invalidInput(field.name, u"%1 is in the future"_s.arg(field.name));
        value = date.toString(Qt::ISODate);
        return {};
    }
    case ValueType::Time: {
        const std::optional<qint64> ms = integral(value);
        if (!ms || *ms < 0)
            return invalidInput(field.name, u"%1 must be milliseconds since 1970"_s.arg(field.name));
        if (*ms > m_clock.nowMs() + 24 * 3600 * 1000)
            return invalidInput(field.name, u"%1 is in the future"_s.arg(field.name));
        value = *ms;
        return {};
    }
    case ValueType::Int: {
        const std::optional<qint64> n = integral(value);
        if (!n)
            return invalidInput(field.name, u"%1 must be a whole number"_s.arg(field.name));
        if (field.name == u"age_estimate" && (*n < 0 || *n > 130))
            return invalidInput(field.name, u"age must be between 0 and 130"_s);
        if (field.name == u"birth_year" && (*n < 1890 || *n > today().year()))
            return invalidInput(field.name, u"birth year %1 is not plausible"_s.arg(*n));
        if (*n < 0)
            return invalidInput(field.name, u"%1 cannot be negative"_s.arg(field.name));
        value = *n;
        return {};
    }
    case ValueType::Bool:
        if (value.typeId() != QMetaType::Bool)
            return invalidInput(field.name, u"%1 must be true or false"_s.arg(field.name));
        return {};
    case ValueType::Json: {
        if (value.typeId() != QMetaType::QVariantMap)
            return invalidInput(field.name, u"%1 must be an object"_s.arg(field.name));
        // A GPS fix: numbers only, known keys only (nothing free-text rides along).
        static const QStringList numeric
            = {u"lat"_s, u"lng"_s, u"accuracy_m"_s, u"altitude_m"_s, u"fix_time"_s};
        const QVariantMap fix = value.toMap();
        for (auto it = fix.cbegin(); it != fix.cend(); ++it) {
            const int type = it.value().typeId();
            const bool number
                = type == QMetaType::Double || type == QMetaType::Int || type == QMetaType::LongLong;
            if (!numeric.contains(it.key()) || !number)
                return invalidInput(field.name,
                                    u"location takes only numbers for lat, lng, accuracy_m, altitude_m "
                                    "and fix_time"_s);
        }
        const double lat = fix.value(u"lat"_s, 1000.0).toDouble();
        const double lng = fix.value(u"lng"_s, 1000.0).toDouble();
        if (lat < -90 || lat > 90 || lng < -180 || lng > 180)
            return invalidInput(field.name, u"location needs lat in [-90, 90] and lng in [-180, 180]"_s);
        if (fix.value(u"accuracy_m"_s, 0.0).toDouble() < 0)
            return invalidInput(field.name, u"location accuracy cannot be negative"_s);
        return {};
    }
    case ValueType::Id:
        if (value.typeId() != QMetaType::QString || !isUuid(value.toString()))
            return invalidInput(field.name, u"%1 must be a record id"_s.arg(field.name));
        return {};
    case ValueType::Nik: {
        if (value.typeId() != QMetaType::QString)
            return invalidInput(field.name, u"%1 must be text (16 digits)"_s.arg(field.name));
        QString digits = value.toString();
        digits.remove(u' ').remove(u'.').remove(u'-');
        if (digits.isEmpty()) { // "unknown NIK" is allowed
            value = QVariant();
            return {};
        }
        const NikCheck check = m_nik->check(digits, today());
        if (!check.valid)
            return invalidInput(field.name, check.message());
        if (!check.warnings.isEmpty())
            m_warnings << check.message();
        value = digits;
        return {};
    }
    }
    return {};
}

Status Validator::crossCheck(const EntityDef &entity, QVariantHash &values) const
{
    if (entity.name == u"case") {
        const QDate incident = QDate::fromString(values.value(u"incident_on"_s).toString(), Qt::ISODate);
        const QDate reported = QDate::fromString(values.value(u"reported_on"_s).toString(), Qt::ISODate);
        if (incident.isValid() && reported.isValid() && incident > reported)
            return invalidInput(u"incident_on"_s, u"the incident date is after the report date"_s);
    }
    if (entity.name == u"person") {
        const QString nik = values.value(u"nik"_s).toString();
        const QString sex = values.value(u"sex"_s).toString();
        const QDate birth = QDate::fromString(values.value(u"birth_date"_s).toString(), Qt::ISODate);
        if (!nik.isEmpty() && (!sex.isEmpty() || birth.isValid())) {
            const NikCheck check
                = m_nik->check(nik, today(), sex, birth.isValid() ? std::optional(birth) : std::nullopt);
            // On entry, a NIK that contradicts the sex or birth date typed beside it is refused:
            // one of them is a typo, and the caseworker is the one who can tell which. (An
            // unknown NIK stays allowed.)
            const bool contradicts = check.warnings.contains(NikIssue::SexMismatch)
                                  || check.warnings.contains(NikIssue::BirthDateMismatch);
            if (!check.valid || contradicts)
                return invalidInput(u"nik"_s, check.message());
        }
        // The birth year is the plain, aggregate-safe part of an encrypted birth date
        // (SIMFONI age groups need it on the server).
        if (birth.isValid())
            values.insert(u"birth_year"_s, qint64(birth.year()));
        else if (values.contains(u"birth_date"_s))
            values.insert(u"birth_year"_s, QVariant()); // cleared together
    }
    return {};
}

} // namespace Core
