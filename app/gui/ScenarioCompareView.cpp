// SPDX-License-Identifier: MIT
#include "ScenarioCompareView.h"

#include "SceneController.h"
#include "ViewportWidget.h"
#include "core/Document.h"

#include <QEvent>
#include <QLabel>
#include <QMouseEvent>

namespace tt {

namespace {

constexpr int kDividerWidth = 8;

} // namespace

ScenarioCompareView::ScenarioCompareView(ViewportWidget *viewport, SceneController *activeScene, Document *document,
                                         QObject *parent)
    : QObject(parent), m_viewport(viewport), m_activeScene(activeScene), m_document(document)
{
    // A switch, a new, renamed or removed scenario or an undone one: the pair compared may be gone.
    connect(m_document, &Document::townReset, this, &ScenarioCompareView::stop);
    connect(m_activeScene, &SceneController::sceneChanged, this, [this] {
        if (isActive())
            follow();
    });
}

ScenarioCompareView::~ScenarioCompareView() = default;

bool ScenarioCompareView::start(int other, ComparisonScene::Layout layout)
{
    const Town &town = m_document->town();
    if (other < 0 || other >= town.scenarios.size() || other == town.activeScenario)
        return false;
    stop();
    m_other = other;
    m_otherDocument = std::make_unique<Document>();
    m_otherDocument->resetTown(town.withScenario(other));
    m_otherScene = std::make_unique<SceneController>(m_otherDocument.get());
    connect(m_otherScene.get(), &SceneController::sceneChanged, m_viewport, qOverload<>(&QWidget::update));
    follow();
    m_comparison = std::make_unique<ComparisonScene>(m_activeScene->root(), m_otherScene->root());
    m_comparison->setLayout(layout);
    m_viewport->setSceneData(m_comparison->root());

    m_divider = new QWidget(m_viewport);
    m_divider->setObjectName(QStringLiteral("scenarioDivider"));
    m_divider->setCursor(Qt::SplitHCursor);
    m_divider->setStyleSheet(QStringLiteral("background: rgba(255, 255, 255, 220); border-left: 1px solid #555;"
                                            "border-right: 1px solid #555;"));
    m_divider->setToolTip(tr("Drag to move the divide between the scenarios"));
    m_divider->installEventFilter(this);
    const QString names[2] = {town.activeScenarioName(), town.scenarios[other].name};
    for (int side = 0; side < 2; ++side) {
        m_labels[side] = new QLabel(names[side], m_viewport);
        m_labels[side]->setObjectName(side == 0 ? QStringLiteral("scenarioLeft") : QStringLiteral("scenarioRight"));
        m_labels[side]->setStyleSheet(QStringLiteral("background: rgba(20, 30, 40, 190); color: white; "
                                                     "padding: 4px 10px; border-radius: 4px; font-weight: bold;"));
        m_labels[side]->adjustSize();
        m_labels[side]->show();
    }
    m_divider->show();
    m_viewport->installEventFilter(this);
    placeOverlay();
    m_viewport->update();
    return true;
}

void ScenarioCompareView::stop()
{
    if (!isActive())
        return;
    m_viewport->removeEventFilter(this);
    delete m_divider;
    for (QPointer<QLabel> &label : m_labels)
        delete label;
    m_viewport->setSceneData(m_activeScene->root());
    m_comparison.reset();
    m_otherScene.reset();
    m_otherDocument.reset();
    m_other = -1;
    m_viewport->update();
    emit stopped();
}

void ScenarioCompareView::setLayout(ComparisonScene::Layout layout)
{
    if (!isActive())
        return;
    m_comparison->setLayout(layout);
    placeOverlay();
    m_viewport->update();
}

void ScenarioCompareView::setSplit(double fraction)
{
    if (!isActive())
        return;
    m_comparison->setSplit(fraction);
    placeOverlay();
    m_viewport->update();
}

double ScenarioCompareView::split() const
{
    return isActive() ? m_comparison->split() : 0.5;
}

void ScenarioCompareView::follow()
{
    for (int i = 0; i < kSceneLayerCount; ++i)
        m_otherScene->setLayerVisible(SceneLayer(i), m_activeScene->isLayerVisible(SceneLayer(i)));
    // Energy colours are the active scenario's results; the other one has none to show.
    const BuildingColorMode mode = m_activeScene->buildingColorMode();
    m_otherScene->setBuildingColorMode(mode == BuildingColorMode::ByAttribute ? BuildingColorMode::ByUse : mode);
    m_otherScene->setTerrainStyle(m_activeScene->terrainStyle());
    if (m_otherScene->sunTime() != m_activeScene->sunTime())
        m_otherScene->setSunTime(m_activeScene->sunTime());
}

void ScenarioCompareView::placeOverlay()
{
    const bool swipe = m_comparison->layout() == ComparisonScene::Layout::Swipe;
    const int w = m_viewport->width(), h = m_viewport->height();
    const int divide = swipe ? int(m_comparison->split() * w) : w / 2;
    m_divider->setGeometry(divide - kDividerWidth / 2, 0, kDividerWidth, h);
    // Side by side has a fixed divide: the line only marks it.
    m_divider->setEnabled(swipe);
    m_divider->setCursor(swipe ? Qt::SplitHCursor : Qt::ArrowCursor);
    m_divider->raise();
    const int margin = 12;
    m_labels[0]->move(std::max(margin, divide - margin - m_labels[0]->width()), margin);
    m_labels[1]->move(std::min(divide + margin, w - margin - m_labels[1]->width()), margin);
    m_labels[0]->raise();
    m_labels[1]->raise();
}

bool ScenarioCompareView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_viewport && event->type() == QEvent::Resize && isActive())
        placeOverlay();
    if (watched == m_divider && event->type() == QEvent::MouseMove && m_divider->isEnabled()) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const QPoint inView = m_divider->mapTo(m_viewport, mouse->position().toPoint());
        setSplit(double(inView.x()) / std::max(1, m_viewport->width()));
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace tt
