// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QMutex>
#include <QTranslator>

#include <memory>
#include <optional>
#include <vector>

namespace tt {

//! The one translator the GUI installs: it translates through the language's own
//! translators (TownTwin's and Qt's) and remembers which message every text it
//! was asked for came from, in every language used so far (the English source
//! included). A language switch can so put a text a widget was given once, in its
//! constructor, into the new language without that widget's help (LiveRetranslator).
class RecordingTranslator : public QTranslator {
    Q_OBJECT
public:
    struct Message {
        QByteArray context;
        QByteArray source;
        QByteArray disambiguation;
        int n = -1;
    };

    explicit RecordingTranslator(QObject *parent = nullptr);

    //! Translates through these from now on, the first that knows a message wins;
    //! none: the English sources.
    void setTranslators(std::vector<std::unique_ptr<QTranslator>> translators);

    QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr,
                      int n = -1) const override;
    //! Never empty: Qt must ask it even in English, where it only records.
    bool isEmpty() const override { return false; }

    //! The message `text` was translated from (or is the source of); none when
    //! no tr() call ever returned it (texts with arguments filled in, data).
    std::optional<Message> messageOf(const QString &text) const;

private:
    // tr() runs on worker threads too (simulation results name their flows).
    mutable QMutex m_mutex;
    mutable QHash<QString, Message> m_messages;
    std::vector<std::unique_ptr<QTranslator>> m_translators;
};

} // namespace tt
