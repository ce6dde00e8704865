// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The reference for "start to first painted window": a bare Qt Widgets window of the same size,
// painted once and saved like `devdock --screenshot` does, then the process ends.
//   bench_barewindow OUT.png
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QStatusBar>
#include <QTimer>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QString out = app.arguments().value(1, QStringLiteral("bare.png"));
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("A bare Qt window"), &window));
    window.statusBar()->showMessage(QStringLiteral("ready"));
    window.resize(1366, 768);
    window.show();
    QTimer::singleShot(0, &window, [&] {
        window.grab().save(out);
        app.quit();
    });
    return app.exec();
}
