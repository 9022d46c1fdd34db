// SPDX-License-Identifier: MIT
#include "RecordingTranslator.h"

#include <QMutexLocker>

namespace tt {

RecordingTranslator::RecordingTranslator(QObject *parent) : QTranslator(parent) {}

void RecordingTranslator::setTranslators(std::vector<std::unique_ptr<QTranslator>> translators)
{
    QMutexLocker lock(&m_mutex);
    m_translators = std::move(translators);
}

QString RecordingTranslator::translate(const char *context, const char *sourceText, const char *disambiguation,
                                       int n) const
{
    if (!sourceText || !*sourceText)
        return {};
    QMutexLocker lock(&m_mutex);
    QString translation;
    for (const auto &t : m_translators) {
        translation = t->translate(context, sourceText, disambiguation, n);
        if (!translation.isNull())
            break;
    }
    // Untranslated, Qt shows the source itself: remember it as well.
    const QString shown = translation.isNull() ? QString::fromUtf8(sourceText) : translation;
    if (!m_messages.contains(shown))
        m_messages.insert(shown, Message{QByteArray(context), QByteArray(sourceText), QByteArray(disambiguation), n});
    return translation;
}

std::optional<RecordingTranslator::Message> RecordingTranslator::messageOf(const QString &text) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_messages.constFind(text);
    if (it == m_messages.constEnd())
        return std::nullopt;
    return *it;
}

} // namespace tt
