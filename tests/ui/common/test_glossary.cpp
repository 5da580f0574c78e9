// SPDX-License-Identifier: GPL-3.0-or-later
// One voice: the Indonesian catalogue uses the glossary's term for each of its concepts and none
// of the variants it forbids (translations/glossary.tsv says how the file is read).
#include <QFile>
#include <QRegularExpression>
#include <QStringList>
#include <QXmlStreamReader>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

struct Concept
{
    QString key;
    QString term;
    QStringList forbidden;
};

// One translated text of the catalogue (with all its numerus forms).
struct Message
{
    QString context;
    QString source;
    QString translation;
};

QList<Concept> readGlossary(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly | QIODevice::Text));
    QList<Concept> concepts;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (const QString &line : lines) {
        if (line.trimmed().isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList columns = line.split(u'\t');
        INFO("glossary line: " << line.toStdString());
        REQUIRE(columns.size() == 3);
        REQUIRE_FALSE(columns.at(1).trimmed().isEmpty());
        concepts.append({columns.at(0), columns.at(1), columns.at(2).split(u'|', Qt::SkipEmptyParts)});
    }
    return concepts;
}

QList<Message> readCatalogue(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QList<Message> messages;
    QString context;
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = xml.name();
        if (name == u"name")
            context = xml.readElementText();
        else if (name == u"source")
            source = xml.readElementText();
        else if (name == u"translation") {
            // Finished or not; numerus forms are its children, read together.
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (!text.trimmed().isEmpty())
                messages.append({context, source, text.simplified()});
        }
    }
    INFO(xml.errorString().toStdString() << " at line " << xml.lineNumber());
    REQUIRE_FALSE(xml.hasError());
    return messages;
}

// What a reader sees: without the keyboard accelerators ("Kate&gori" is "Kategori"; "&&" is "&").
QString shown(const QString &text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'&' && i + 1 < text.size())
            ++i;
        out.append(text.at(i));
    }
    return out.toCaseFolded();
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber();
}

// A variant as a whole word or phrase of `text`, or ("=X") the whole of it.
bool uses(const QString &text, const QString &variant)
{
    const QString seen = shown(text);
    if (variant.startsWith(u'='))
        return seen.trimmed() == variant.mid(1).toCaseFolded();
    const QString wanted = variant.toCaseFolded();
    for (qsizetype at = seen.indexOf(wanted); at >= 0; at = seen.indexOf(wanted, at + 1)) {
        const bool startsWord = at == 0 || !isWordChar(seen.at(at - 1)) || !isWordChar(wanted.front());
        const qsizetype end = at + wanted.size();
        const bool endsWord = end == seen.size() || !isWordChar(seen.at(end)) || !isWordChar(wanted.back());
        if (startsWord && endsWord)
            return true;
    }
    return false;
}

const QString glossaryPath = QStringLiteral(DAMPINGI_TRANSLATIONS_DIR "/glossary.tsv");
const QString indonesianPath = QStringLiteral(DAMPINGI_TRANSLATIONS_DIR "/dampingi_id.ts");

} // namespace

TEST_CASE("the glossary's matching takes words whole, without accelerators", "[ui][glossary][i18n]")
{
    CHECK(uses(u"Kate&gori kasus:"_s, u"Kategori kasus"_s));
    CHECK(uses(u"%n perubahan BELUM tersinkron"_s, u"belum tersinkron"_s));
    CHECK_FALSE(uses(u"%n perubahan belum tersinkronkan"_s, u"belum tersinkron"_s));
    CHECK(uses(u"(kosong)"_s, u"(kosong)"_s));
    CHECK(uses(u"-"_s, u"=-"_s));
    CHECK_FALSE(uses(u"0-5 tahun"_s, u"=-"_s));
    CHECK_FALSE(uses(u"Tidak ada yang disimpan."_s, u"=Tidak ada"_s));
    CHECK(uses(u" Tidak ada "_s, u"=Tidak ada"_s));
    CHECK_FALSE(uses(u"Penilaian usiawan"_s, u"usia"_s));
}

TEST_CASE("the Indonesian catalogue speaks with the glossary's words only", "[ui][glossary][i18n]")
{
    const QList<Concept> concepts = readGlossary(glossaryPath);
    const QList<Message> messages = readCatalogue(indonesianPath);
    REQUIRE(concepts.size() >= 10);
    REQUIRE(messages.size() > 100);

    QStringList broken;
    for (const Concept &c : concepts) {
        bool termUsed = false;
        for (const Message &m : messages) {
            termUsed = termUsed || uses(m.translation, c.term);
            for (const QString &variant : c.forbidden) {
                if (uses(m.translation, variant)) {
                    broken
                        << u"%1: \"%2\" is translated \"%3\", which says \"%4\"; the glossary's word for %5 is \"%6\""_s
                               .arg(m.context, m.source, m.translation, variant, c.key, c.term);
                }
            }
        }
        if (!termUsed)
            broken << u"the term \"%1\" (%2) is used by no translation: is the glossary stale?"_s.arg(c.term,
                                                                                                      c.key);
    }
    INFO(broken.join(u'\n').toStdString());
    CHECK(broken.isEmpty());
}
