// SPDX-License-Identifier: MIT
#pragma once

#include "CliVerb.h"

#include <QCommandLineParser>

namespace tt {

//! QCommandLineParser set up the same way for every verb: parses the verb's
//! arguments, answers --help, and reports unknown options or missing values
//! with the verb's usage line so the caller can return ExitUsage.
class VerbParser {
public:
    VerbParser(const CliVerb &verb, const QList<QCommandLineOption> &options, int minPositional, int maxPositional);

    //! False on a usage error (already printed) or after printing --help;
    //! exitCode() says which.
    bool parse(const QStringList &args);
    int exitCode() const { return m_exitCode; }
    //! Prints a usage error naming the verb, for checks parse() cannot make.
    int usageError(const QString &message);

    const QString &verbName() const { return m_verb.name; }
    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }
    bool isSet(const QCommandLineOption &option) const { return m_parser.isSet(option); }
    QString value(const QCommandLineOption &option) const { return m_parser.value(option); }
    QStringList positional() const { return m_parser.positionalArguments(); }

private:
    const CliVerb &m_verb;
    QCommandLineParser m_parser;
    int m_minPositional;
    int m_maxPositional;
    int m_exitCode = ExitOk;
};

} // namespace tt
