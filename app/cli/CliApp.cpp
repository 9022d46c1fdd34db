// SPDX-License-Identifier: MIT
#include "CliApp.h"

#include "CliVerbs.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>

#include <memory>

namespace tt {

CliApp::CliApp() : m_verbs(cliVerbs())
{
}

QString CliApp::helpText() const
{
    QString text;
    QTextStream out(&text);
    out << "Usage: towntwin-cli VERB [OPTIONS]\n"
        << "       towntwin-cli --version | --help | VERB --help\n\n"
        << "Batch tool of TownTwin, the digital twin for green smart towns.\n\nVerbs:\n";
    for (const CliVerb &verb : m_verbs)
        out << "  " << verb.name.leftJustified(15) << verb.summary << "\n";
    out << "\nExit codes: 0 success, 1 failure (bad data, I/O), 2 usage error.\n";
    return text;
}

const CliVerb *CliApp::findVerb(const QString &name) const
{
    for (const CliVerb &verb : m_verbs)
        if (verb.name == name)
            return &verb;
    return nullptr;
}

int CliApp::run(int argc, char **argv)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);

    if (args.isEmpty()) {
        err << helpText();
        return ExitUsage;
    }
    const QString first = args.takeFirst();
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        out << "towntwin " << TOWNTWIN_VERSION << "\n";
        return ExitOk;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        out << helpText();
        return ExitOk;
    }
    const CliVerb *verb = findVerb(first);
    if (!verb) {
        err << "towntwin-cli: unknown " << (first.startsWith('-') ? "option" : "verb") << " '" << first
            << "'. Run 'towntwin-cli --help' for the list of verbs.\n";
        return ExitUsage;
    }
    // Rendering needs a GUI application for OpenGL; everything else runs without a
    // display. Without any display a GUI application would abort before the verb
    // could answer --help or a usage error, so the verb gets a core application
    // and reports the missing display itself when it comes to drawing.
    const bool haveDisplay = !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
    std::unique_ptr<QCoreApplication> app;
    if (verb->needsDisplay && haveDisplay)
        app = std::make_unique<QApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("towntwin-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOWNTWIN_VERSION));
    return verb->run(args);
}

} // namespace tt
