// SPDX-License-Identifier: MIT
#include "VerbParser.h"

#include <QTextStream>

namespace tt {

VerbParser::VerbParser(const CliVerb &verb, const QList<QCommandLineOption> &options, int minPositional,
                       int maxPositional)
    : m_verb(verb), m_minPositional(minPositional), m_maxPositional(maxPositional)
{
    m_parser.setApplicationDescription(verb.summary);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOptions(options);
    m_parser.addOption(QCommandLineOption(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                          QStringLiteral("Show this help.")));
}

int VerbParser::usageError(const QString &message)
{
    QTextStream(stderr) << "towntwin-cli " << m_verb.name << ": " << message << "\nUsage: towntwin-cli "
                        << m_verb.usage << "\n";
    m_exitCode = ExitUsage;
    return m_exitCode;
}

bool VerbParser::parse(const QStringList &args)
{
    QStringList full = args;
    full.prepend(QStringLiteral("towntwin-cli ") + m_verb.name);
    if (!m_parser.parse(full)) {
        usageError(m_parser.errorText());
        return false;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << "Usage: towntwin-cli " << m_verb.usage << "\n\n"
                            << m_parser.helpText().section(QLatin1Char('\n'), 2);
        m_exitCode = ExitOk;
        return false;
    }
    const int n = int(m_parser.positionalArguments().size());
    if (n < m_minPositional) {
        usageError(QStringLiteral("missing argument"));
        return false;
    }
    if (n > m_maxPositional) {
        usageError(QStringLiteral("unexpected argument '%1'").arg(m_parser.positionalArguments().value(m_maxPositional)));
        return false;
    }
    return true;
}

} // namespace tt
