<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DevDock::Ui::ContainerListModel</name>
    <message>
        <location filename="../ui/services/containerlistmodel.cpp" line="153"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/services/containerlistmodel.cpp" line="155"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/services/containerlistmodel.cpp" line="157"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/services/containerlistmodel.cpp" line="159"/>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <location filename="../ui/services/containerlistmodel.cpp" line="161"/>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <location filename="../ui/services/containerlistmodel.cpp" line="163"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="35"/>
        <source>DevDock</source>
        <translation>DevDock</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="40"/>
        <source>Engine status</source>
        <translation>Engine-Status</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="41"/>
        <source>Docker engine version, API version and endpoint</source>
        <translation>Version der Docker-Engine, API-Version und Endpunkt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="42"/>
        <source>Connecting to %1 …</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="46"/>
        <source>Engine error</source>
        <translation>Engine-Fehler</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="57"/>
        <source>Containers</source>
        <translation>Container</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="58"/>
        <source>All containers of the Docker engine, updated live</source>
        <translation>Alle Container der Docker-Engine, live aktualisiert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="81"/>
        <source>Container count</source>
        <translation>Anzahl der Container</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="84"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="85"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="93"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="96"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="97"/>
        <source>&amp;About DevDock</source>
        <translation>Über &amp;DevDock</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="98"/>
        <source>About DevDock</source>
        <translation>Über DevDock</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="99"/>
        <source>DevDock %1
A desktop manager for Docker Compose development environments.</source>
        <translation>DevDock %1
Eine Desktop-Verwaltung für Docker-Compose-Entwicklungsumgebungen.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="125"/>
        <source>Docker Engine %1 · API %2 · %3/%4 · %5</source>
        <translation>Docker-Engine %1 · API %2 · %3/%4 · %5</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="142"/>
        <source>Not connected · %1</source>
        <translation>Nicht verbunden · %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="154"/>
        <source>1 container</source>
        <translation>1 Container</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="154"/>
        <source>%1 containers</source>
        <translation>%1 Container</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="155"/>
        <source>%1 · %2 running</source>
        <translation>%1 · %2 laufen</translation>
    </message>
</context>
</TS>
