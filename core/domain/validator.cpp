// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/validator.h"

#include "core/changelog/schema.h"
#include "core/clock/clock.h"
#include "core/codes/codelists.h"
#include "core/domain/nikvalidator.h"
#include "core/domain/riskinstrument.h"
#include "core/regions/regionindex.h"
#include "core/util/text.h"
#include "core/util/uuid.h"

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

// An InvalidInput error about `field` of `entity`; "%1" in `detail` becomes the field's name.
Error fieldError(Error::Reason reason, const EntityDef &entity, const FieldDef &field, const QString &detail)
{
    return invalidInput(reason, field.name, QString(detail).replace(u"%1"_s, field.name), entity.name);
}

// The reason a NIK is refused: its first error, or else the mismatch with the record.
Error::Reason nikReason(const NikCheck &check)
{
    using Reason = Error::Reason;
    const QList<NikIssue> &issues = check.errors.isEmpty() ? check.warnings : check.errors;
    for (const NikIssue issue : issues) {
        switch (issue) {
        case NikIssue::Empty:
        case NikIssue::WrongLength:
            return Reason::NikWrongLength;
        case NikIssue::NotDigits:
            return Reason::NikNotDigits;
        case NikIssue::UnknownProvince:
        case NikIssue::UnknownRegency:
            return Reason::NikUnknownRegion;
        case NikIssue::InvalidBirthDate:
            return Reason::NikInvalidBirthDate;
        case NikIssue::BirthDateInFuture:
            return Reason::NikBirthDateInFuture;
        case NikIssue::ZeroSerial:
            return Reason::NikZeroSerial;
        case NikIssue::SexMismatch:
            return Reason::NikSexMismatch;
        case NikIssue::BirthDateMismatch:
            return Reason::NikBirthDateMismatch;
        case NikIssue::UnknownDistrict:
            break; // a warning only: never the reason of a refusal
        }
    }
    return Reason::BadFormat;
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
    using Reason = Error::Reason;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const FieldDef *field = entity.field(it.key());
        if (!field)
            return invalidInput(Reason::NotAllowedValue, it.key(),
                                u"unknown field \"%1\" for %2"_s.arg(it.key().left(64), entity.name),
                                entity.name);
        if (field->kind == FieldKind::ServerOnly)
            return fieldError(Reason::SetBySystem, entity, *field, u"%1 is assigned by the system"_s);
    }
    for (const FieldDef &field : entity.fields) {
        auto it = values.find(field.name);
        if (it == values.end()) {
            if (insert && field.required)
                return fieldError(Reason::Required, entity, field, u"%1 is required"_s);
            continue;
        }
        if (Status s = validateField(entity, field, *it); !s)
            return s;
        if (isNull(*it) && field.required)
            return fieldError(Reason::Required, entity, field, u"%1 is required"_s);
    }
    return crossCheck(entity, values);
}

Status Validator::validateField(const EntityDef &entity, const FieldDef &field, QVariant &value) const
{
    if (isNull(value))
        return {};
    if (field.kind == FieldKind::Set)
        return checkSet(entity, field, value);
    switch (field.type) {
    case ValueType::Text:
        return checkText(entity, field, value);
    case ValueType::Code:
        if (value.typeId() != QMetaType::QString || !m_codes.contains(field.codeList, value.toString()))
            return fieldError(Error::Reason::NotAllowedValue, entity, field,
                              u"%1 is not a code of the list "_s + field.codeList);
        return {};
    case ValueType::Region: {
        const QString code = RegionIndex::normaliseCode(value.toString());
        if (value.typeId() != QMetaType::QString || code.isEmpty() || !m_regions.find(code))
            return fieldError(Error::Reason::NotAllowedValue, entity, field,
                              u"%1 is not a known region code"_s);
        value = code;
        return {};
    }
    case ValueType::Date:
        return checkDate(entity, field, value);
    case ValueType::Time:
        return checkTime(entity, field, value);
    case ValueType::Int:
        return checkInt(entity, field, value);
    case ValueType::Bool:
        if (value.typeId() != QMetaType::Bool)
            return fieldError(Error::Reason::BadFormat, entity, field, u"%1 must be true or false"_s);
        return {};
    case ValueType::Json:
        // Two JSON fields, two shapes: a GPS fix and a risk checklist's answers.
        if (field.name == u"answers")
            return checkAnswers(entity, field, value);
        return checkLocation(entity, field, value);
    case ValueType::Id:
        if (value.typeId() != QMetaType::QString || !isUuid(value.toString()))
            return fieldError(Error::Reason::BadFormat, entity, field, u"%1 must be a record id"_s);
        return {};
    case ValueType::Nik:
        return checkNik(entity, field, value);
    }
    return {};
}

Status Validator::checkSet(const EntityDef &entity, const FieldDef &field, QVariant &value) const
{
    if (value.typeId() != QMetaType::QVariantList && value.typeId() != QMetaType::QStringList)
        return fieldError(Error::Reason::BadFormat, entity, field, u"%1 must be a list of codes"_s);
    QStringList codes;
    for (const QVariant &element : value.toList()) {
        const QString code = element.toString();
        if (element.typeId() != QMetaType::QString || !m_codes.contains(field.codeList, code))
            return fieldError(Error::Reason::NotAllowedValue, entity, field,
                              u"%1 holds a value that is not a code of the list "_s + field.codeList);
        if (!codes.contains(code))
            codes << code;
    }
    value = codes;
    return {};
}

Status Validator::checkText(const EntityDef &entity, const FieldDef &field, QVariant &value) const
{
    if (value.typeId() != QMetaType::QString)
        return fieldError(Error::Reason::BadFormat, entity, field, u"%1 must be text"_s);
    QString text = value.toString().trimmed();
    const int limit = field.maxLength > 0 ? field.maxLength : Schema::defaultTextLimit;
    if (text.size() > limit) {
        Error error = fieldError(
            Error::Reason::TooLong, entity, field,
            u"%1 is too long: %2 characters, at most %3"_s.arg(field.name).arg(text.size()).arg(limit));
        error.limit = limit;
        return error;
    }
    if (hasForbiddenControl(text))
        return fieldError(Error::Reason::BadCharacters, entity, field,
                          u"%1 contains control characters or invalid Unicode"_s);
    value = text.isEmpty() ? QVariant() : QVariant(text);
    return {};
}

Status Validator::checkDate(const EntityDef &entity, const FieldDef &field, QVariant &value) const
{
    const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
    if (value.typeId() != QMetaType::QString || !date.isValid() || value.toString().size() != 10)
        return fieldError(Error::Reason::BadFormat, entity, field, u"%1 must be a date as YYYY-MM-DD"_s);
    if (date.year() < 1900)
        return fieldError(Error::Reason::OutOfRange, entity, field, u"%1 is before 1900"_s);
    if (isPastEvent(field.name) && date > today())
        return fieldError(Error::Reason::InTheFuture, entity, field, u"%1 is in the future"_s);
    value = date.toString(Qt::ISODate);
    return {};
}

Status Validator::checkTime(const EntityDef &entity, const FieldDef &field, QVariant &value) const
{
    const std::optional<qint64> ms = integral(value);
    if (!ms || *ms < 0)
        return fieldError(Error::Reason::BadFormat, entity, field, u"%1 must be milliseconds since 1970"_s);
    if (*ms > m_clock.nowMs() + 24 * 3600 * 1000)
        return fieldError(Error::Reason::InTheFuture, entity, field, u"%1 is in the future"_s);
    value = *ms;
    return {};
}

Status Validator::checkInt(const EntityDef &entity, const FieldDef &field, QVariant &value) const
{
    const std::optional<qint64> n = integral(value);
    if (!n)
        return fieldError(Error::Reason::BadFormat, entity, field, u"%1 must be a whole number"_s);
    if (field.name == u"age_estimate" && (*n < 0 || *n > 130))
        return fieldError(Error::Reason::OutOfRange, entity, field, u"age must be between 0 and 130"_s);
    if (field.name == u"birth_year" && (*n < 1890 || *n > today().year()))
        return fieldError(Error::Reason::OutOfRange, entity, field,
                          u"birth year %1 is not plausible"_s.arg(*n));
    if (*n < 0)
        return fieldError(Error::Reason::OutOfRange, entity, field, u"%1 cannot be negative"_s);
    value = *n;
    return {};
}

Status Validator::checkLocation(const EntityDef &entity, const FieldDef &field, const QVariant &value) const
{
    if (value.typeId() != QMetaType::QVariantMap)
        return fieldError(Error::Reason::BadFormat, entity, field, u"%1 must be an object"_s);
    // A GPS fix: numbers only, known keys only (nothing free-text rides along).
    static const QStringList numeric = {u"lat"_s, u"lng"_s, u"accuracy_m"_s, u"altitude_m"_s, u"fix_time"_s};
    const QVariantMap fix = value.toMap();
    for (auto it = fix.cbegin(); it != fix.cend(); ++it) {
        const int type = it.value().typeId();
        const bool number
            = type == QMetaType::Double || type == QMetaType::Int || type == QMetaType::LongLong;
        if (!numeric.contains(it.key()) || !number)
            return fieldError(
                Error::Reason::BadFormat, entity, field,
                u"location takes only numbers for lat, lng, accuracy_m, altitude_m and fix_time"_s);
    }
    const double lat = fix.value(u"lat"_s, 1000.0).toDouble();
    const double lng = fix.value(u"lng"_s, 1000.0).toDouble();
    if (lat < -90 || lat > 90 || lng < -180 || lng > 180)
        return fieldError(Error::Reason::OutOfRange, entity, field,
                          u"location needs lat in [-90, 90] and lng in [-180, 180]"_s);
    if (fix.value(u"accuracy_m"_s, 0.0).toDouble() < 0)
        return fieldError(Error::Reason::OutOfRange, entity, field,
                          u"location accuracy cannot be negative"_s);
    return {};
}

Status Validator::checkNik(const EntityDef &entity, const FieldDef &field, QVariant &value) const
{
    if (value.typeId() != QMetaType::QString)
        return fieldError(Error::Reason::BadFormat, entity, field, u"%1 must be text (16 digits)"_s);
    QString digits = value.toString();
    digits.remove(u' ').remove(u'.').remove(u'-');
    if (digits.isEmpty()) { // "unknown NIK" is allowed
        value = QVariant();
        return {};
    }
    const NikCheck check = m_nik->check(digits, today());
    if (!check.valid)
        return fieldError(nikReason(check), entity, field, check.message());
    if (!check.warnings.isEmpty())
        m_warnings << check.message();
    value = digits;
    return {};
}

Status Validator::checkAnswers(const EntityDef &entity, const FieldDef &field, const QVariant &value) const
{
    if (value.typeId() != QMetaType::QVariantMap)
        return fieldError(Error::Reason::BadFormat, entity, field, u"%1 must be an object"_s);
    // Item code → yes, no or unknown: short codes and three words, nothing free-text rides along.
    const QVariantMap answers = value.toMap();
    for (auto it = answers.cbegin(); it != answers.cend(); ++it) {
        const bool known = it.value().typeId() == QMetaType::QString
                        && RiskInstrument::answerCodes().contains(it.value().toString());
        if (it.key().isEmpty() || it.key().size() > 40 || !known)
            return fieldError(Error::Reason::BadFormat, entity, field,
                              u"%1 takes item codes answered yes, no or unknown"_s);
    }
    return {};
}

Status Validator::crossCheck(const EntityDef &entity, QVariantHash &values) const
{
    if (entity.name == u"risk_assessment") {
        // A level other than the instrument's suggestion is the caseworker's judgement, and
        // the reason for it is part of the record.
        const QString suggested = values.value(u"suggested_level"_s).toString();
        const QString level = values.value(u"level"_s).toString();
        if (!suggested.isEmpty() && !level.isEmpty() && suggested != level
            && values.value(u"override_reason"_s).toString().trimmed().isEmpty())
            return invalidInput(Error::Reason::Required, u"override_reason"_s,
                                u"a level other than the suggested one needs a reason"_s, entity.name);
    }
    if (entity.name == u"case") {
        const QDate incident = QDate::fromString(values.value(u"incident_on"_s).toString(), Qt::ISODate);
        const QDate reported = QDate::fromString(values.value(u"reported_on"_s).toString(), Qt::ISODate);
        if (incident.isValid() && reported.isValid() && incident > reported) {
            Error error = invalidInput(Error::Reason::AfterOther, u"incident_on"_s,
                                       u"the incident date is after the report date"_s, entity.name);
            error.other = u"reported_on"_s;
            return error;
        }
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
                return invalidInput(nikReason(check), u"nik"_s, check.message(), entity.name);
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
