// SPDX-License-Identifier: MIT
#include "LiveRetranslator.h"

#include "RecordingTranslator.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabBar>
#include <QTableWidget>
#include <QTreeWidget>
#include <QUndoView>
#include <QAbstractAxis>
#include <QAbstractSeries>

namespace tt {

namespace {

//! `text` in the current language when a tr() call once gave it (in any language), else unchanged.
QString again(const RecordingTranslator &recorder, const QString &text)
{
    if (text.isEmpty())
        return text;
    const std::optional<RecordingTranslator::Message> m = recorder.messageOf(text);
    if (!m)
        return text;
    return QCoreApplication::translate(m->context.constData(), m->source.constData(),
                                       m->disambiguation.isEmpty() ? nullptr : m->disambiguation.constData(), m->n);
}

template <typename Get, typename Set>
void update(const RecordingTranslator &recorder, Get get, Set set)
{
    const QString before = get();
    const QString after = again(recorder, before);
    if (after != before)
        set(after);
}

void retranslateWidget(const RecordingTranslator &r, QWidget *w)
{
    update(r, [w] { return w->windowTitle(); }, [w](const QString &t) { w->setWindowTitle(t); });
    update(r, [w] { return w->toolTip(); }, [w](const QString &t) { w->setToolTip(t); });
    update(r, [w] { return w->statusTip(); }, [w](const QString &t) { w->setStatusTip(t); });
    if (auto *label = qobject_cast<QLabel *>(w))
        update(r, [label] { return label->text(); }, [label](const QString &t) { label->setText(t); });
    else if (auto *button = qobject_cast<QAbstractButton *>(w))
        update(r, [button] { return button->text(); }, [button](const QString &t) { button->setText(t); });
    else if (auto *group = qobject_cast<QGroupBox *>(w))
        update(r, [group] { return group->title(); }, [group](const QString &t) { group->setTitle(t); });
    else if (auto *edit = qobject_cast<QLineEdit *>(w))
        update(r, [edit] { return edit->placeholderText(); }, [edit](const QString &t) { edit->setPlaceholderText(t); });
    else if (auto *undo = qobject_cast<QUndoView *>(w))
        update(r, [undo] { return undo->emptyLabel(); }, [undo](const QString &t) { undo->setEmptyLabel(t); });
    if (auto *tabs = qobject_cast<QTabBar *>(w)) {
        for (int i = 0; i < tabs->count(); ++i) {
            update(r, [tabs, i] { return tabs->tabText(i); }, [tabs, i](const QString &t) { tabs->setTabText(i, t); });
            update(r, [tabs, i] { return tabs->tabToolTip(i); }, [tabs, i](const QString &t) { tabs->setTabToolTip(i, t); });
        }
    }
    // An editable combo's items are the user's values, not ours.
    if (auto *combo = qobject_cast<QComboBox *>(w); combo && !combo->isEditable()) {
        for (int i = 0; i < combo->count(); ++i)
            update(r, [combo, i] { return combo->itemText(i); }, [combo, i](const QString &t) { combo->setItemText(i, t); });
    }
    if (auto *spin = qobject_cast<QSpinBox *>(w)) {
        update(r, [spin] { return spin->prefix(); }, [spin](const QString &t) { spin->setPrefix(t); });
        update(r, [spin] { return spin->suffix(); }, [spin](const QString &t) { spin->setSuffix(t); });
    } else if (auto *dspin = qobject_cast<QDoubleSpinBox *>(w)) {
        update(r, [dspin] { return dspin->prefix(); }, [dspin](const QString &t) { dspin->setPrefix(t); });
        update(r, [dspin] { return dspin->suffix(); }, [dspin](const QString &t) { dspin->setSuffix(t); });
    }
    if (auto *spin = qobject_cast<QAbstractSpinBox *>(w))
        update(r, [spin] { return spin->specialValueText(); }, [spin](const QString &t) { spin->setSpecialValueText(t); });
    if (auto *table = qobject_cast<QTableWidget *>(w)) {
        for (int c = 0; c < table->columnCount(); ++c)
            if (QTableWidgetItem *item = table->horizontalHeaderItem(c))
                update(r, [item] { return item->text(); }, [item](const QString &t) { item->setText(t); });
        for (int row = 0; row < table->rowCount(); ++row)
            if (QTableWidgetItem *item = table->verticalHeaderItem(row))
                update(r, [item] { return item->text(); }, [item](const QString &t) { item->setText(t); });
    }
    if (auto *tree = qobject_cast<QTreeWidget *>(w)) {
        QTreeWidgetItem *header = tree->headerItem();
        for (int c = 0; header && c < header->columnCount(); ++c)
            update(r, [header, c] { return header->text(c); }, [header, c](const QString &t) { header->setText(c, t); });
    }
    if (auto *view = qobject_cast<QChartView *>(w); view && view->chart()) {
        QChart *chart = view->chart();
        update(r, [chart] { return chart->title(); }, [chart](const QString &t) { chart->setTitle(t); });
        for (QAbstractAxis *axis : chart->axes())
            update(r, [axis] { return axis->titleText(); }, [axis](const QString &t) { axis->setTitleText(t); });
        for (QAbstractSeries *series : chart->series())
            update(r, [series] { return series->name(); }, [series](const QString &t) { series->setName(t); });
    }
    if (auto *window = qobject_cast<QMainWindow *>(w)) {
        QStatusBar *status = window->statusBar();
        update(r, [status] { return status->currentMessage(); }, [status](const QString &t) { status->showMessage(t); });
    }
}

} // namespace

LiveRetranslator::LiveRetranslator(QWidget *window) : QObject(window)
{
    window->installEventFilter(this);
}

void LiveRetranslator::retranslate(QWidget *root)
{
    const auto *recorder = QCoreApplication::instance()->findChild<RecordingTranslator *>(QString(), Qt::FindDirectChildrenOnly);
    if (!recorder)
        return;  // no language was ever applied: every text is still the one tr() gave
    retranslateWidget(*recorder, root);
    for (QWidget *w : root->findChildren<QWidget *>())
        retranslateWidget(*recorder, w);
    // Menus are their actions' texts (QMenu::title() is its menuAction()'s).
    for (QAction *a : root->findChildren<QAction *>()) {
        update(*recorder, [a] { return a->text(); }, [a](const QString &t) { a->setText(t); });
        update(*recorder, [a] { return a->toolTip(); }, [a](const QString &t) { a->setToolTip(t); });
        update(*recorder, [a] { return a->statusTip(); }, [a](const QString &t) { a->setStatusTip(t); });
    }
}

bool LiveRetranslator::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && watched == parent()) {
        retranslate(static_cast<QWidget *>(watched));
        emit retranslated();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace tt
