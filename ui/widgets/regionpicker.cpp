// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/regionpicker.h"

#include "core/regions/regionindex.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QScreen>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStandardItemModel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int codeRole = Qt::UserRole;

// Matches on the code and completes with the display path. The model holds only matches, in
// our order; matching typed names against the paths would make the completer highlight, and
// scroll to, the first row starting with the text instead of the first row.
class SuggestionCompleter final : public QCompleter
{
public:
    using QCompleter::QCompleter;

    QString pathFromIndex(const QModelIndex &index) const override
    {
        return index.data(Qt::DisplayRole).toString();
    }
};

// Rows offered per keystroke: enough to scroll through a common name, few enough that refilling
// the model on every keystroke costs nothing.
constexpr int suggestionLimit = 20;
constexpr int visibleSuggestions = 10;
// Extra width for the popup's item margins, beyond the text, frame and scroll bar.
constexpr int popupPadding = 16;

// Where to search, nearest first: the scope, each of its ancestors, then the whole country.
QStringList searchAreas(const QString &scope)
{
    QStringList areas;
    for (QString area = scope; !area.isEmpty(); area = Core::RegionIndex::parentCode(area))
        areas.append(area);
    areas.append(QString());
    return areas;
}

// The first item of each combo: names the level and stands for "none chosen".
QString placeholder(int level)
{
    switch (level) {
    case 0:
        return RegionPicker::tr("— Province —");
    case 1:
        //: Kabupaten or kota
        return RegionPicker::tr("— Regency/city —");
    case 2:
        //: Kecamatan
        return RegionPicker::tr("— District —");
    default:
        //: Desa or kelurahan
        return RegionPicker::tr("— Village —");
    }
}

QString levelName(int level)
{
    switch (level) {
    case 0:
        return RegionPicker::tr("Province");
    case 1:
        //: Kabupaten or kota
        return RegionPicker::tr("Regency/city");
    case 2:
        //: Kecamatan
        return RegionPicker::tr("District");
    default:
        //: Desa or kelurahan
        return RegionPicker::tr("Village");
    }
}

// The tooltip of a combo with a region chosen; the combo may be too narrow for the whole name.
QString chosenToolTip(int level, const QString &name)
{
    switch (level) {
    case 0:
        return RegionPicker::tr("Province: %1").arg(name);
    case 1:
        //: Kabupaten or kota
        return RegionPicker::tr("Regency/city: %1").arg(name);
    case 2:
        //: Kecamatan
        return RegionPicker::tr("District: %1").arg(name);
    default:
        //: Desa or kelurahan
        return RegionPicker::tr("Village: %1").arg(name);
    }
}

} // namespace

RegionPicker::RegionPicker(const Core::RegionIndex &regions, QWidget *parent)
    : QWidget(parent)
    , m_regions(regions)
    , m_search(new QLineEdit(this))
    , m_suggestions(new QStandardItemModel(this))
    , m_completer(new SuggestionCompleter(m_suggestions, this))
{
    m_search->setObjectName(u"regionSearchEdit"_s);
    m_search->setPlaceholderText(tr("Type a village, district or regency name…"));
    m_search->setAccessibleName(tr("Search region"));

    // The model already holds only matches, in our order, so the completer shows it unfiltered.
    // setPopup() hands the view to the completer, which deletes it.
    auto *popup = new QListView;
    popup->setObjectName(u"regionSuggestionList"_s);
    popup->setUniformItemSizes(true);
    m_completer->setPopup(popup);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCompletionRole(codeRole);
    m_completer->setMaxVisibleItems(visibleSuggestions);
    m_search->setCompleter(m_completer);
    // Installed after the completer's own filter, so it sees the popup's keys first.
    popup->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_search);
    auto *cascade = new QHBoxLayout;
    cascade->setSpacing(4);
    layout->addLayout(cascade);

    const std::array<QString, levelCount> names{u"provinceCombo"_s, u"regencyCombo"_s, u"districtCombo"_s,
                                                u"villageCombo"_s};
    // Regency names are the longest ("Kabupaten Administrasi Kepulauan Seribu"), then villages
    // and the "Desa/Kelurahan" placeholder.
    constexpr std::array<int, levelCount> stretch{4, 6, 4, 5};
    for (int level = 0; level < levelCount; ++level) {
        auto *box = new QComboBox(this);
        box->setObjectName(names.at(size_t(level)));
        box->setAccessibleName(levelName(level));
        // Long names ("Kabupaten Kutai Kartanegara") must not widen the form; the popup list
        // still grows to fit them and the tooltip shows the whole name.
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(6);
        cascade->addWidget(box, stretch.at(size_t(level)));
        m_combos.at(size_t(level)) = box;
        connect(box, &QComboBox::currentIndexChanged, this,
                [this, level](int index) { comboChanged(level, index); });
    }
    setFocusProxy(m_search);

    connect(m_search, &QLineEdit::textEdited, this, &RegionPicker::search);
    connect(m_search, &QLineEdit::editingFinished, this, &RegionPicker::searchFinished);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            &RegionPicker::suggestionActivated);

    showInCombos(QString());
}

RegionPicker::~RegionPicker()
{
    // Deleting the children takes the focus out of the edit, which emits editingFinished after
    // this destructor has run: no slot of ours may run then.
    m_search->disconnect(this);
}

void RegionPicker::setScope(const QString &code)
{
    m_scope = Core::RegionIndex::normaliseCode(code);
    // Nothing chosen yet: the cascade starts at the scope, without choosing it.
    if (m_code.isEmpty())
        showInCombos(m_scope);
}

QString RegionPicker::code() const
{
    return m_code;
}

void RegionPicker::setCode(const QString &code)
{
    const QString normalised = Core::RegionIndex::normaliseCode(code);
    apply(normalised.isEmpty() ? m_scope : normalised, normalised);
}

bool RegionPicker::eventFilter(QObject *watched, QEvent *event)
{
    // Enter with no row highlighted takes the first row, so "type, Enter" picks the best match.
    // The completer's filter then completes with the row made current here.
    QAbstractItemView *popup = m_completer->popup();
    if (watched == popup && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && !popup->currentIndex().isValid()
            && popup->model()->rowCount() > 0) {
            popup->setCurrentIndex(popup->model()->index(0, 0));
        }
    }
    return QWidget::eventFilter(watched, event);
}

void RegionPicker::search(const QString &text)
{
    // At most suggestionLimit small rows: replacing them all per keystroke is cheap.
    m_suggestions->setRowCount(0);
    QAbstractItemView *popup = m_completer->popup();
    const QString prefix = text.trimmed();
    if (prefix.isEmpty()) {
        popup->hide();
        return;
    }

    QStringList codes;
    // A typed code ("64.02.06", "640206") offers that region first.
    const QString typedCode = Core::RegionIndex::normaliseCode(prefix);
    if (!typedCode.isEmpty() && m_regions.contains(typedCode))
        codes.append(typedCode);
    // Nearest area first. A wider area's results include the narrower ones already taken, so it
    // is asked for that many more.
    const QStringList areas = searchAreas(m_scope);
    for (const QString &area : areas) {
        if (codes.size() >= suggestionLimit)
            break;
        const QList<Core::Region> found
            = m_regions.searchByName(prefix, suggestionLimit + int(codes.size()), area);
        for (const Core::Region &region : found) {
            if (codes.size() >= suggestionLimit)
                break;
            if (!codes.contains(region.code))
                codes.append(region.code);
        }
    }

    const QFontMetrics metrics(popup->font());
    int widest = 0;
    for (const QString &code : std::as_const(codes)) {
        const QString path = m_regions.displayPath(code);
        widest = qMax(widest, metrics.horizontalAdvance(path));
        auto *item = new QStandardItem(path);
        item->setData(code, codeRole);
        item->setEditable(false);
        m_suggestions->appendRow(item);
    }
    // The completer sizes the popup to the edit, which may be narrower than "Village, District,
    // Regency, Province". Grow it to the text, up to the right edge of the screen.
    const int wanted
        = widest + 2 * popup->frameWidth() + popup->verticalScrollBar()->sizeHint().width() + popupPadding;
    int room = wanted;
    if (const QScreen *screen = m_search->screen())
        room = screen->availableGeometry().right() - m_search->mapToGlobal(QPoint(0, 0)).x();
    popup->setMinimumWidth(qMin(wanted, qMax(room, m_search->width())));

    // The line edit also asks the completer to complete after this signal; asking here as well
    // does not depend on that order. With no rows, complete() hides the popup.
    m_completer->complete();
}

void RegionPicker::suggestionActivated(const QModelIndex &index)
{
    const QString code = index.data(codeRole).toString();
    if (!code.isEmpty())
        apply(code, code);
}

void RegionPicker::comboChanged(int level, int index)
{
    // The placeholder item means "none at this level": the choice is the level above.
    QString code = m_combos.at(size_t(level))->itemData(index, codeRole).toString();
    if (code.isEmpty() && level > 0)
        code = m_combos.at(size_t(level - 1))->currentData(codeRole).toString();
    apply(code, code);
}

void RegionPicker::searchFinished()
{
    // Focus left (or Enter without the popup): typed text that chose nothing must not look like
    // the value. An emptied edit clears the value.
    if (m_completer->popup()->isVisible())
        return;
    if (m_search->text().trimmed().isEmpty() && !m_code.isEmpty()) {
        setCode(QString());
        return;
    }
    m_search->setText(searchText());
}

void RegionPicker::apply(const QString &displayCode, const QString &code)
{
    showInCombos(displayCode);
    const bool changed = code != m_code;
    m_code = code;
    m_search->setText(searchText());
    // Last, so a receiver sees the edit and the combos agreeing with code().
    if (changed)
        emit codeChanged(m_code);
}

void RegionPicker::showInCombos(const QString &code)
{
    // A code missing from this decree still shows its known ancestors.
    QString known = code;
    while (!known.isEmpty() && !m_regions.contains(known))
        known = Core::RegionIndex::parentCode(known);
    const QList<Core::Region> chain = m_regions.ancestry(known);

    for (int level = 0; level < levelCount; ++level) {
        QComboBox *box = m_combos.at(size_t(level));
        // Filling and selecting here is display, not a choice: comboChanged must not run.
        const QSignalBlocker blocker(box);
        if (level > chain.size()) {
            // Nothing chosen at the level above: only the placeholder, disabled.
            if (m_filledFor.at(size_t(level)) || box->count() == 0) {
                box->clear();
                box->addItem(placeholder(level), QString());
                m_filledFor.at(size_t(level)).reset();
            }
            box->setCurrentIndex(0);
            box->setEnabled(false);
            box->setToolTip(levelName(level));
            continue;
        }
        const QString parentCode = level == 0 ? QString() : chain.at(level - 1).code;
        if (m_filledFor.at(size_t(level)) != parentCode)
            fillCombo(level, parentCode);
        box->setEnabled(true);
        if (level < chain.size()) {
            box->setCurrentIndex(qMax(0, box->findData(chain.at(level).code, codeRole)));
            box->setToolTip(chosenToolTip(level, chain.at(level).name));
        } else {
            box->setCurrentIndex(0);
            box->setToolTip(levelName(level));
        }
    }
}

void RegionPicker::fillCombo(int level, const QString &parentCode)
{
    QComboBox *box = m_combos.at(size_t(level));
    box->clear();
    box->addItem(placeholder(level), QString());
    const QList<Core::Region> children = m_regions.children(parentCode);
    for (const Core::Region &region : children)
        box->addItem(region.name, region.code);
    m_filledFor.at(size_t(level)) = parentCode;
}

QString RegionPicker::searchText() const
{
    if (m_code.isEmpty())
        return {};
    // A code unknown to this decree is kept (nothing is lost) and shown as it is.
    const QString path = m_regions.displayPath(m_code);
    return path.isEmpty() ? m_code : path;
}
