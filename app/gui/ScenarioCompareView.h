// SPDX-License-Identifier: MIT
#pragma once

#include "ComparisonScene.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QLabel;
class QWidget;

namespace tt {

class Document;
class SceneController;
class ViewportWidget;

//! The 3D view comparing the active scenario (left) with another (right), by a swipe the
//! planner drags or side by side. The other scenario gets a scene of its own, built from a
//! read-only copy of its plan, which follows the active scene's layers and sun; edits go
//! on to the active scenario and show at once on the left.
class ScenarioCompareView : public QObject {
    Q_OBJECT
public:
    ScenarioCompareView(ViewportWidget *viewport, SceneController *activeScene, Document *document,
                        QObject *parent = nullptr);
    ~ScenarioCompareView() override;

    //! Shows scenarios[other] beside the active one; false, and nothing changes, when it
    //! is the active one or does not exist.
    bool start(int other, ComparisonScene::Layout layout);
    //! Back to the active scenario alone.
    void stop();
    bool isActive() const { return bool(m_comparison); }
    int otherScenario() const { return m_other; }
    void setLayout(ComparisonScene::Layout layout);
    //! The swipe's position, 0 (left edge) to 1 (right edge).
    void setSplit(double fraction);
    double split() const;
    //! The second scene (for tests); null when not comparing.
    const SceneController *otherScene() const { return m_otherScene.get(); }

signals:
    //! Comparing ended (stop(), or the scenarios changed under it).
    void stopped();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    //! Copies what the active scene shows (layers, colouring, terrain style, sun) to the other.
    void follow();
    //! Places the divider and the scenario names over the view.
    void placeOverlay();

    ViewportWidget *m_viewport;
    SceneController *m_activeScene;
    Document *m_document;
    int m_other = -1;
    std::unique_ptr<Document> m_otherDocument;
    std::unique_ptr<SceneController> m_otherScene;
    std::unique_ptr<ComparisonScene> m_comparison;
    QPointer<QWidget> m_divider;
    QPointer<QLabel> m_labels[2];
};

} // namespace tt
