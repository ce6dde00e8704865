<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DevDock::Core::ComposeCli</name>
    <message>
        <location filename="../core/compose/composecli.cpp" line="389"/>
        <source>Docker Compose is not installed: neither &apos;docker compose&apos; (v2) nor &apos;docker-compose&apos; could be run.</source>
        <translation>Docker Compose ist nicht installiert: weder &apos;docker compose&apos; (v2) noch &apos;docker-compose&apos; ließ sich ausführen.</translation>
    </message>
    <message>
        <location filename="../core/compose/composecli.cpp" line="391"/>
        <source>Install the Compose v2 plugin (Debian: apt install docker-compose; Docker&apos;s repository: docker-compose-plugin), then try again.</source>
        <translation>Installieren Sie das Compose-v2-Plugin (Debian: apt install docker-compose; Docker-Repository: docker-compose-plugin) und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>DevDock::Core::ComposeOperation</name>
    <message>
        <location filename="../core/compose/composecli.cpp" line="113"/>
        <source>docker compose %1 was cancelled.</source>
        <translation>docker compose %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../core/compose/composecli.cpp" line="114"/>
        <source>Containers may be half created; run the action again or Down.</source>
        <translation>Container sind womöglich nur halb angelegt; führen Sie die Aktion erneut aus oder Down.</translation>
    </message>
    <message>
        <location filename="../core/compose/composecli.cpp" line="125"/>
        <source>Could not run %1: %2</source>
        <translation>%1 ließ sich nicht ausführen: %2</translation>
    </message>
    <message>
        <location filename="../core/compose/composecli.cpp" line="291"/>
        <source>Another program holds a port the stack publishes: run &apos;devdockctl doctor ports&apos; to see who, then stop it or change the port.</source>
        <translation>Ein anderes Programm belegt einen Port, den der Stack veröffentlicht: &apos;devdockctl doctor ports&apos; zeigt, wer; beenden Sie es oder ändern Sie den Port.</translation>
    </message>
    <message>
        <location filename="../core/compose/composecli.cpp" line="294"/>
        <source>Start the Docker engine, then try again.</source>
        <translation>Starten Sie die Docker-Engine und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../core/compose/composecli.cpp" line="298"/>
        <source>An image could not be pulled: build it locally, or check the registry and your network.</source>
        <translation>Ein Image ließ sich nicht laden: Bauen Sie es lokal, oder prüfen Sie die Registry und Ihr Netzwerk.</translation>
    </message>
    <message>
        <location filename="../core/compose/composecli.cpp" line="302"/>
        <source>A service did not become healthy: open its logs and its health probe output.</source>
        <translation>Ein Dienst wurde nicht gesund: Öffnen Sie seine Logs und die Ausgabe seiner Gesundheitsprüfung.</translation>
    </message>
    <message>
        <location filename="../core/compose/composecli.cpp" line="304"/>
        <source>Check the service names against the compose files.</source>
        <translation>Prüfen Sie die Dienstnamen anhand der Compose-Dateien.</translation>
    </message>
    <message>
        <location filename="../core/compose/composecli.cpp" line="306"/>
        <source>The operation&apos;s output has the details.</source>
        <translation>Die Ausgabe des Vorgangs enthält die Einzelheiten.</translation>
    </message>
    <message>
        <location filename="../core/compose/composecli.cpp" line="310"/>
        <source>docker compose %1 failed (exit %2): %3</source>
        <translation>docker compose %1 ist fehlgeschlagen (Exit %2): %3</translation>
    </message>
</context>
<context>
    <name>DevDock::Core::LiveState</name>
    <message>
        <location filename="../core/stack/livestate.cpp" line="277"/>
        <source>connecting to the Docker engine</source>
        <translation>Verbindung zur Docker-Engine wird aufgebaut</translation>
    </message>
    <message>
        <location filename="../core/stack/livestate.cpp" line="276"/>
        <source>the Docker engine is not reachable</source>
        <translation>die Docker-Engine ist nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../core/stack/livestate.cpp" line="308"/>
        <source>%1 ran out of memory and exited (code %2)</source>
        <translation>%1 hatte keinen Speicher mehr und wurde beendet (Code %2)</translation>
    </message>
    <message>
        <location filename="../core/stack/livestate.cpp" line="311"/>
        <source>%1 exited unexpectedly (code %2)</source>
        <translation>%1 wurde unerwartet beendet (Code %2)</translation>
    </message>
    <message>
        <location filename="../core/stack/livestate.cpp" line="333"/>
        <source>%1 turned unhealthy</source>
        <translation>%1 ist ungesund geworden</translation>
    </message>
    <message>
        <location filename="../core/stack/livestate.cpp" line="334"/>
        <source>%1 turned unhealthy: %2</source>
        <translation>%1 ist ungesund geworden: %2</translation>
    </message>
</context>
<context>
    <name>DevDock::Core::LogSearch</name>
    <message>
        <location filename="../core/logs/logsearch.cpp" line="95"/>
        <source>The regular expression is not valid: %1</source>
        <translation>Der reguläre Ausdruck ist ungültig: %1</translation>
    </message>
    <message>
        <location filename="../core/logs/logsearch.cpp" line="96"/>
        <source>Check the pattern, or switch regex off to search for the text.</source>
        <translation>Prüfen Sie das Muster, oder schalten Sie Regex aus, um nach dem Text zu suchen.</translation>
    </message>
</context>
<context>
    <name>DevDock::Core::PortPreflight</name>
    <message>
        <location filename="../core/stack/portpreflight.cpp" line="180"/>
        <source>nobody</source>
        <translation>niemandem</translation>
    </message>
    <message>
        <location filename="../core/stack/portpreflight.cpp" line="182"/>
        <source>this project&apos;s container %1</source>
        <translation>Container %1 dieses Projekts</translation>
    </message>
    <message>
        <location filename="../core/stack/portpreflight.cpp" line="185"/>
        <source>container %1</source>
        <translation>Container %1</translation>
    </message>
    <message>
        <location filename="../core/stack/portpreflight.cpp" line="186"/>
        <source>container %1 (project %2)</source>
        <translation>Container %1 (Projekt %2)</translation>
    </message>
    <message>
        <location filename="../core/stack/portpreflight.cpp" line="189"/>
        <source>process %1 (pid %2)</source>
        <translation>Prozess %1 (PID %2)</translation>
    </message>
    <message>
        <location filename="../core/stack/portpreflight.cpp" line="190"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../core/stack/portpreflight.cpp" line="193"/>
        <source>a process of user id %1 (not visible to you)</source>
        <translation>einem Prozess der Benutzer-ID %1 (für Sie nicht sichtbar)</translation>
    </message>
    <message>
        <location filename="../core/stack/portpreflight.cpp" line="194"/>
        <location filename="../core/stack/portpreflight.cpp" line="196"/>
        <source>another process</source>
        <translation>einem anderen Prozess</translation>
    </message>
    <message>
        <location filename="../core/stack/portpreflight.cpp" line="206"/>
        <source>Port %1/%2, wanted by %3, is held by %4.</source>
        <translation>Port %1/%2, den %3 braucht, ist belegt von %4.</translation>
    </message>
    <message>
        <location filename="../core/stack/portpreflight.cpp" line="239"/>
        <source>Stop what holds the port, or publish the service on another port (the ports: key of the compose file or a variable in the .env profile).</source>
        <translation>Beenden Sie, was den Port belegt, oder veröffentlichen Sie den Dienst auf einem anderen Port (Schlüssel ports: der Compose-Datei oder eine Variable im .env-Profil).</translation>
    </message>
    <message>
        <location filename="../core/stack/portpreflight.cpp" line="226"/>
        <source>The engine %1 runs on another machine: only its containers were checked; processes on that machine cannot be probed from here.</source>
        <translation>Die Engine %1 läuft auf einem anderen Rechner: Nur ihre Container wurden geprüft; Prozesse auf jenem Rechner lassen sich von hier aus nicht prüfen.</translation>
    </message>
</context>
<context>
    <name>DevDock::Core::ProjectLogs</name>
    <message>
        <location filename="../core/logs/projectlogs.cpp" line="127"/>
        <source>── %1 restarted at %2 ──</source>
        <translation>── %1 neu gestartet um %2 ──</translation>
    </message>
</context>
<context>
    <name>DevDock::Core::ServiceState</name>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="158"/>
        <source>the state of dependency %1 is unknown</source>
        <translation>der Zustand der Abhängigkeit %1 ist unbekannt</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="201"/>
        <source>state unknown</source>
        <translation>Zustand unbekannt</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="295"/>
        <source>unknown — engine unreachable</source>
        <translation>unbekannt — Engine nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="134"/>
        <source>dependency %1 exited (code %2)</source>
        <translation>Abhängigkeit %1 beendet (Code %2)</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="136"/>
        <source>dependency %1 is dead</source>
        <translation>Abhängigkeit %1 ist tot</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="140"/>
        <source>dependency %1 is restarting (exit code %2)</source>
        <translation>Abhängigkeit %1 startet neu (Exit-Code %2)</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="146"/>
        <source>waiting for %1: unhealthy</source>
        <translation>wartet auf %1: ungesund</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="147"/>
        <source>waiting for %1: unhealthy — last probe: %2</source>
        <translation>wartet auf %1: ungesund — letzte Prüfung: %2</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="150"/>
        <source>dependency %1 is not created</source>
        <translation>Abhängigkeit %1 ist nicht angelegt</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="152"/>
        <source>waiting for %1 to start</source>
        <translation>wartet auf den Start von %1</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="154"/>
        <source>dependency %1 is paused</source>
        <translation>Abhängigkeit %1 ist pausiert</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="156"/>
        <source>dependency %1 is being removed</source>
        <translation>Abhängigkeit %1 wird entfernt</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="165"/>
        <source>waiting for %1 to complete successfully</source>
        <translation>wartet auf den erfolgreichen Abschluss von %1</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="167"/>
        <source>waiting for %1 to become healthy</source>
        <translation>wartet, bis %1 gesund ist</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="174"/>
        <location filename="../core/stack/servicestate.cpp" line="270"/>
        <source>not created</source>
        <translation>nicht angelegt</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="176"/>
        <source>created, not started</source>
        <translation>angelegt, nicht gestartet</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="178"/>
        <source>starting: health check not passed yet</source>
        <translation>startet: Gesundheitsprüfung noch nicht bestanden</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="181"/>
        <location filename="../core/stack/servicestate.cpp" line="280"/>
        <source>unhealthy</source>
        <translation>ungesund</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="182"/>
        <source>unhealthy — last probe: %1</source>
        <translation>ungesund — letzte Prüfung: %1</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="185"/>
        <source>restarting after exit code %1 (%2 restarts)</source>
        <translation>startet neu nach Exit-Code %1 (%2 Neustarts)</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="189"/>
        <location filename="../core/stack/servicestate.cpp" line="284"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="192"/>
        <source>exited (code %1, out of memory)</source>
        <translation>beendet (Code %1, Speicher erschöpft)</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="193"/>
        <source>exited (code %1)</source>
        <translation>beendet (Code %1)</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="197"/>
        <source>being removed</source>
        <translation>wird entfernt</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="199"/>
        <location filename="../core/stack/servicestate.cpp" line="292"/>
        <source>dead</source>
        <translation>tot</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="272"/>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="274"/>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="216"/>
        <location filename="../core/stack/servicestate.cpp" line="276"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="278"/>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="282"/>
        <source>restarting</source>
        <translation>startet neu</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="286"/>
        <source>exited</source>
        <translation>beendet</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="290"/>
        <source>removing</source>
        <translation>wird entfernt</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="138"/>
        <source>dependency %1 is stopped</source>
        <translation>Abhängigkeit %1 ist gestoppt</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="195"/>
        <location filename="../core/stack/servicestate.cpp" line="288"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="216"/>
        <source>running, healthy</source>
        <translation>läuft, gesund</translation>
    </message>
    <message>
        <location filename="../core/stack/servicestate.cpp" line="509"/>
        <source>profile %1 not active (%2)</source>
        <translation>Profil %1 nicht aktiv (%2)</translation>
    </message>
</context>
<context>
    <name>DevDock::Core::StackController</name>
    <message>
        <location filename="../core/stack/stackcontroller.cpp" line="27"/>
        <source>the stack</source>
        <translation>den Stack</translation>
    </message>
    <message>
        <location filename="../core/stack/stackcontroller.cpp" line="62"/>
        <source>Up %1</source>
        <translation>%1 hochfahren</translation>
    </message>
    <message>
        <location filename="../core/stack/stackcontroller.cpp" line="64"/>
        <source>Down (with volumes)</source>
        <translation>Herunterfahren (mit Volumes)</translation>
    </message>
    <message>
        <location filename="../core/stack/stackcontroller.cpp" line="64"/>
        <source>Down</source>
        <translation>Herunterfahren</translation>
    </message>
    <message>
        <location filename="../core/stack/stackcontroller.cpp" line="66"/>
        <source>Start %1</source>
        <translation>%1 starten</translation>
    </message>
    <message>
        <location filename="../core/stack/stackcontroller.cpp" line="68"/>
        <source>Stop %1 and its dependents</source>
        <translation>%1 und abhängige Dienste stoppen</translation>
    </message>
    <message>
        <location filename="../core/stack/stackcontroller.cpp" line="69"/>
        <source>Stop %1</source>
        <translation>%1 stoppen</translation>
    </message>
    <message>
        <location filename="../core/stack/stackcontroller.cpp" line="71"/>
        <source>Restart %1 and its dependents</source>
        <translation>%1 und abhängige Dienste neu starten</translation>
    </message>
    <message>
        <location filename="../core/stack/stackcontroller.cpp" line="72"/>
        <source>Restart %1</source>
        <translation>%1 neu starten</translation>
    </message>
    <message>
        <location filename="../core/stack/stackcontroller.cpp" line="74"/>
        <source>Build %1</source>
        <translation>%1 bauen</translation>
    </message>
    <message>
        <location filename="../core/stack/stackcontroller.cpp" line="76"/>
        <source>Pull %1</source>
        <translation>%1 laden</translation>
    </message>
    <message>
        <location filename="../core/stack/stackcontroller.cpp" line="78"/>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <location filename="../core/stack/stackcontroller.cpp" line="80"/>
        <source>Rebuild and restart %1</source>
        <translation>%1 neu bauen und neu starten</translation>
    </message>
    <message>
        <location filename="../core/stack/stackcontroller.cpp" line="354"/>
        <location filename="../core/stack/stackcontroller.cpp" line="381"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>DevDock::Core::Workspace</name>
    <message>
        <location filename="../core/workspace/workspace.cpp" line="408"/>
        <source>%1 exited unexpectedly (code %2)</source>
        <translation>%1 wurde unerwartet beendet (Code %2)</translation>
    </message>
    <message>
        <location filename="../core/workspace/workspace.cpp" line="421"/>
        <source>%1 turned unhealthy</source>
        <translation>%1 ist ungesund geworden</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::ContainerListModel</name>
    <message>
        <location filename="../ui/services/containerlistmodel.cpp" line="112"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/services/containerlistmodel.cpp" line="114"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/services/containerlistmodel.cpp" line="116"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/services/containerlistmodel.cpp" line="118"/>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <location filename="../ui/services/containerlistmodel.cpp" line="120"/>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <location filename="../ui/services/containerlistmodel.cpp" line="122"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::DataPanel</name>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="84"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="84"/>
        <source>Refresh the data view</source>
        <translation>Datenansicht aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="85"/>
        <source>Back up selected</source>
        <translation>Auswahl sichern</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="85"/>
        <source>Back up the selected volumes now</source>
        <translation>Ausgewählte Volumes jetzt sichern</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="86"/>
        <source>Back up all</source>
        <translation>Alle sichern</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="86"/>
        <source>Back up every volume now</source>
        <translation>Alle Volumes jetzt sichern</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="87"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="87"/>
        <source>Cancel the backup or restore</source>
        <translation>Sicherung oder Wiederherstellung abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="88"/>
        <source>Restore…</source>
        <translation>Wiederherstellen …</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="88"/>
        <source>Restore the selected snapshot</source>
        <translation>Ausgewählten Snapshot wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="89"/>
        <source>Checkpoint…</source>
        <translation>Checkpoint …</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="89"/>
        <source>Take a named checkpoint of all data</source>
        <translation>Benannten Checkpoint aller Daten anlegen</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="91"/>
        <source>Restore checkpoint…</source>
        <translation>Checkpoint wiederherstellen …</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="91"/>
        <source>Restore the chosen checkpoint</source>
        <translation>Gewählten Checkpoint wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="95"/>
        <source>S&amp;top services during a copy</source>
        <translation>Dienste beim Kopieren &amp;stoppen</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="96"/>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="96"/>
        <source>Apply the backup schedule</source>
        <translation>Sicherungsplan übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="97"/>
        <source>Repository…</source>
        <translation>Repository …</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="97"/>
        <source>Choose where backups go</source>
        <translation>Wählen, wohin Sicherungen gehen</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="100"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="108"/>
        <location filename="../ui/data/datapanel.cpp" line="723"/>
        <source>Backups go to %1</source>
        <translation>Sicherungen gehen nach %1</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="112"/>
        <source>Data status</source>
        <translation>Datenstatus</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="116"/>
        <source>Backup progress</source>
        <translation>Sicherungsfortschritt</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="122"/>
        <source>Volumes</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="135"/>
        <source>Snapshots of the selected volume</source>
        <translation>Snapshots des ausgewählten Volumes</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="138"/>
        <source>Snapshots</source>
        <translation>Snapshots</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="140"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="140"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="140"/>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="140"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="140"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="140"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="150"/>
        <source>Checkpoints</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="157"/>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="160"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="161"/>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="162"/>
        <source>Back up every (hours)</source>
        <translation>Sichern alle (Stunden)</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="163"/>
        <location filename="../ui/data/datapanel.cpp" line="164"/>
        <source>Back up every</source>
        <translation>Sichern alle</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="168"/>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="169"/>
        <source>Snapshots to keep per volume</source>
        <translation>Aufzubewahrende Snapshots je Volume</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="170"/>
        <location filename="../ui/data/datapanel.cpp" line="171"/>
        <source>Keep last</source>
        <translation>Letzte behalten</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="182"/>
        <source>Services that write a volume being copied are stopped for the copy and started again after it, instead of paused (a running database is dumped either way)</source>
        <translation>Dienste, die in ein Volume schreiben, werden für die Kopie gestoppt und danach wieder gestartet, statt angehalten (eine laufende Datenbank wird in jedem Fall gedumpt)</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="237"/>
        <source>Backing up %1 …</source>
        <translation>Sichere %1 …</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="245"/>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 von %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/data/datapanel.cpp" line="258"/>
        <source>Backed up %n volume(s).</source>
        <translation>
            <numerusform>%n Volume gesichert.</numerusform>
            <numerusform>%n Volumes gesichert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="313"/>
        <source>Reading the volumes and the backup repository …</source>
        <translation>Lese Volumes und Sicherungs-Repository …</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/data/datapanel.cpp" line="348"/>
        <source>%n volume(s) never backed up.</source>
        <translation>
            <numerusform>%n Volume nie gesichert.</numerusform>
            <numerusform>%n Volumes nie gesichert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="349"/>
        <source>Every volume has a backup.</source>
        <translation>Jedes Volume hat eine Sicherung.</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="373"/>
        <source>checkpoint %1</source>
        <translation>Checkpoint %1</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="384"/>
        <source>Reading the size from the repository …</source>
        <translation>Lese die Größe aus dem Repository …</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="453"/>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="454"/>
        <source>Name of the checkpoint (a snapshot of all data):</source>
        <translation>Name des Checkpoints (ein Snapshot aller Daten):</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="492"/>
        <source>The database in %1 (volume %2) is replaced by its dump of %3.</source>
        <translation>Die Datenbank in %1 (Volume %2) wird durch ihren Dump vom %3 ersetzt.</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="495"/>
        <source>Everything in volume %1 is replaced by its snapshot of %2.</source>
        <translation>Der gesamte Inhalt von Volume %1 wird durch seinen Snapshot vom %2 ersetzt.</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="499"/>
        <source>A safety snapshot of the current data is taken first.</source>
        <translation>Vorher wird ein Sicherheits-Snapshot der aktuellen Daten angelegt.</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="502"/>
        <source>Stopped meanwhile: %1</source>
        <translation>Währenddessen gestoppt: %1</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="503"/>
        <source>Started again after it: %1</source>
        <translation>Danach wieder gestartet: %1</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="517"/>
        <source>Restore %1?</source>
        <translation>%1 wiederherstellen?</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="531"/>
        <source>Restore checkpoint %1?</source>
        <translation>Checkpoint %1 wiederherstellen?</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="561"/>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="562"/>
        <source>Restore and replace the data</source>
        <translation>Wiederherstellen und Daten ersetzen</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="563"/>
        <source>Cancel the restore</source>
        <translation>Wiederherstellung abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="603"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="626"/>
        <source>%1: taking a safety snapshot …</source>
        <translation>%1: lege Sicherheits-Snapshot an …</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="629"/>
        <source>%1: stopping the services that use it …</source>
        <translation>%1: stoppe die Dienste, die es nutzen …</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="632"/>
        <source>%1: restoring …</source>
        <translation>%1: stelle wieder her …</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="635"/>
        <source>%1: starting the services again …</source>
        <translation>%1: starte die Dienste wieder …</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="655"/>
        <source>Restored.</source>
        <translation>Wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="672"/>
        <source>Where backups go</source>
        <translation>Wohin Sicherungen gehen</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="675"/>
        <source>A folder or any restic repository URL (sftp:user@host:/path, rest:https://…, s3:…). Empty: the local repository.</source>
        <translation>Ein Ordner oder eine beliebige restic-Repository-URL (sftp:user@host:/pfad, rest:https://…, s3:…). Leer: das lokale Repository.</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="682"/>
        <source>Repository location</source>
        <translation>Ort des Repositorys</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="688"/>
        <source>&amp;Location</source>
        <translation>&amp;Ort</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="692"/>
        <source>Repository password</source>
        <translation>Passwort des Repositorys</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="693"/>
        <source>Only for an existing repository; a new one gets a generated password. Kept in the keychain.</source>
        <translation>Nur für ein vorhandenes Repository; ein neues erhält ein erzeugtes Passwort. Im Schlüsselbund aufbewahrt.</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="695"/>
        <source>only for an existing repository</source>
        <translation>nur für ein vorhandenes Repository</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="696"/>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="698"/>
        <source>Use it</source>
        <translation>Verwenden</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="699"/>
        <source>Use this repository</source>
        <translation>Dieses Repository verwenden</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="702"/>
        <source>DEVDOCK_BACKUP_REPOSITORY is set: it wins over what is chosen here while it is.</source>
        <translation>DEVDOCK_BACKUP_REPOSITORY ist gesetzt: solange das so ist, gilt es statt der Wahl hier.</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="710"/>
        <source>Opening %1 …</source>
        <translation>Öffne %1 …</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="725"/>
        <source>Backups go to %1.</source>
        <translation>Sicherungen gehen nach %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/data/datapanel.cpp" line="746"/>
        <source>Backed up every %n hour(s) while the stack runs.</source>
        <translation>
            <numerusform>Gesichert jede Stunde, solange der Stack läuft.</numerusform>
            <numerusform>Gesichert alle %n Stunden, solange der Stack läuft.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="748"/>
        <source>No scheduled backups.</source>
        <translation>Keine geplanten Sicherungen.</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="61"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="65"/>
        <source> · about %1 left</source>
        <translation> · noch etwa %1</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="66"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="68"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="606"/>
        <source>%1: %2 into the safety snapshot</source>
        <translation>%1: %2 in den Sicherheits-Snapshot</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="607"/>
        <source>%1: %2 restored</source>
        <translation>%1: %2 wiederhergestellt</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="94"/>
        <source>A checkpoint per git &amp;branch</source>
        <translation>Ein Checkpoint je Git-&amp;Branch</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="176"/>
        <source>Every backup on a git branch also becomes that branch&apos;s checkpoint (branch-NAME): the newest data of each branch, restored in one step</source>
        <translation>Jede Sicherung auf einem Git-Branch wird auch zum Checkpoint dieses Branches (branch-NAME): die neuesten Daten jedes Branches, in einem Schritt wiederhergestellt</translation>
    </message>
    <message>
        <location filename="../ui/data/datapanel.cpp" line="480"/>
        <source>Reading the volumes and what runs before the backup …</source>
        <translation>Vor der Sicherung werden die Volumes gelesen und was läuft …</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::DataVolumeModel</name>
    <message>
        <location filename="../ui/data/datavolumemodel.cpp" line="110"/>
        <source>The last backup is more than a week old.</source>
        <translation>Die letzte Sicherung ist älter als eine Woche.</translation>
    </message>
    <message>
        <location filename="../ui/data/datavolumemodel.cpp" line="111"/>
        <source>This data was never backed up.</source>
        <translation>Diese Daten wurden nie gesichert.</translation>
    </message>
    <message>
        <location filename="../ui/data/datavolumemodel.cpp" line="120"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/data/datavolumemodel.cpp" line="121"/>
        <source>not created</source>
        <translation>nicht angelegt</translation>
    </message>
    <message>
        <location filename="../ui/data/datavolumemodel.cpp" line="129"/>
        <location filename="../ui/data/datavolumemodel.cpp" line="132"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../ui/data/datavolumemodel.cpp" line="136"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/data/datavolumemodel.cpp" line="139"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/data/datavolumemodel.cpp" line="142"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/data/datavolumemodel.cpp" line="144"/>
        <source>%n days ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/data/datavolumemodel.cpp" line="161"/>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location filename="../ui/data/datavolumemodel.cpp" line="163"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/data/datavolumemodel.cpp" line="165"/>
        <source>Used by</source>
        <translation>Genutzt von</translation>
    </message>
    <message>
        <location filename="../ui/data/datavolumemodel.cpp" line="167"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/data/datavolumemodel.cpp" line="169"/>
        <source>Last backup</source>
        <translation>Letzte Sicherung</translation>
    </message>
    <message>
        <location filename="../ui/data/datavolumemodel.cpp" line="171"/>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <location filename="../ui/data/datavolumemodel.cpp" line="63"/>
        <source>files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <location filename="../ui/data/datavolumemodel.cpp" line="66"/>
        <source>pg-dump</source>
        <translation>pg-dump</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::DesktopNotifier</name>
    <message>
        <location filename="../ui/tray/desktopnotifier.cpp" line="150"/>
        <source>%1 exited in %2</source>
        <translation>%1 in %2 beendet</translation>
    </message>
    <message>
        <location filename="../ui/tray/desktopnotifier.cpp" line="151"/>
        <source>%1 is unhealthy in %2</source>
        <translation>%1 in %2 ist ungesund</translation>
    </message>
    <message>
        <location filename="../ui/tray/desktopnotifier.cpp" line="159"/>
        <source>%1 services exited in %2</source>
        <translation>%1 Dienste in %2 beendet</translation>
    </message>
    <message>
        <location filename="../ui/tray/desktopnotifier.cpp" line="161"/>
        <source>%1 services are unhealthy in %2</source>
        <translation>%1 Dienste in %2 sind ungesund</translation>
    </message>
    <message>
        <location filename="../ui/tray/desktopnotifier.cpp" line="162"/>
        <source>%1 services failed in %2</source>
        <translation>%1 Dienste in %2 ausgefallen</translation>
    </message>
    <message>
        <location filename="../ui/tray/desktopnotifier.cpp" line="183"/>
        <location filename="../ui/tray/desktopnotifier.cpp" line="184"/>
        <source>Open logs</source>
        <translation>Logs öffnen</translation>
    </message>
    <message>
        <location filename="../ui/tray/desktopnotifier.cpp" line="184"/>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::EnvEditorPanel</name>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="54"/>
        <source>Environment editor</source>
        <translation>Umgebungs-Editor</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="55"/>
        <source>The keys of the active .env profile, with their values, source files and status; secrets live in the keychain</source>
        <translation>Die Schlüssel des aktiven .env-Profils mit Werten, Quelldateien und Status; Geheimnisse liegen im Schlüsselbund</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="72"/>
        <source>Environment actions</source>
        <translation>Umgebungsaktionen</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="76"/>
        <location filename="../ui/env/enveditorpanel.cpp" line="80"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="78"/>
        <source>The resolved profile, or the keys of one file of it</source>
        <translation>Das aufgelöste Profil oder die Schlüssel einer seiner Dateien</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="79"/>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="109"/>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="109"/>
        <source>Add a key to the selected file</source>
        <translation>Einen Schlüssel zur gewählten Datei hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="113"/>
        <source>Add a key</source>
        <translation>Schlüssel hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="114"/>
        <source>Name of the new key in %1:</source>
        <translation>Name des neuen Schlüssels in %1:</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="120"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="121"/>
        <source>Remove the selected key from its file</source>
        <translation>Den gewählten Schlüssel aus seiner Datei entfernen</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="125"/>
        <source>&amp;Move to</source>
        <translation>&amp;Verschieben nach</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="126"/>
        <source>Move to</source>
        <translation>Verschieben nach</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="127"/>
        <source>Move the selected key to another file of the profile</source>
        <translation>Den gewählten Schlüssel in eine andere Datei des Profils verschieben</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="131"/>
        <location filename="../ui/env/enveditorpanel.cpp" line="363"/>
        <source>&amp;Secret</source>
        <translation>&amp;Geheim</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="132"/>
        <source>Mark the selected key secret (its value moves to the keychain), or not</source>
        <translation>Den gewählten Schlüssel als geheim markieren (sein Wert wandert in den Schlüsselbund) oder nicht</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="134"/>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="135"/>
        <source>Generate a strong random value for the selected secret</source>
        <translation>Einen starken Zufallswert für das gewählte Geheimnis erzeugen</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="138"/>
        <source>Re&amp;veal</source>
        <translation>&amp;Zeigen</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="138"/>
        <source>Show the selected secret&apos;s value</source>
        <translation>Den Wert des gewählten Geheimnisses zeigen</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="142"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="142"/>
        <location filename="../ui/env/enveditorpanel.cpp" line="369"/>
        <source>Undo the last edit</source>
        <translation>Die letzte Änderung rückgängig machen</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="144"/>
        <source>Re&amp;do</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="144"/>
        <source>Redo the edit undone</source>
        <translation>Die rückgängig gemachte Änderung wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="146"/>
        <source>Sa&amp;ve</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="147"/>
        <source>Write the changed files (atomically) and the secrets (to the keychain)</source>
        <translation>Die geänderten Dateien (atomar) und die Geheimnisse (in den Schlüsselbund) schreiben</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="151"/>
        <source>Environment error</source>
        <translation>Umgebungsfehler</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="156"/>
        <location filename="../ui/env/enveditorpanel.cpp" line="160"/>
        <source>Files changed on disk</source>
        <translation>Dateien auf der Platte geändert</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="161"/>
        <source>Re&amp;load</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="163"/>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="164"/>
        <source>Drop your unsaved edits and show the files as on disk</source>
        <translation>Ungespeicherte Änderungen verwerfen und die Dateien wie auf der Platte zeigen</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="165"/>
        <source>&amp;Merge</source>
        <translation>&amp;Zusammenführen</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="167"/>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="168"/>
        <source>Apply your unsaved edits on top of the files as on disk</source>
        <translation>Ungespeicherte Änderungen auf die Dateien wie auf der Platte anwenden</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="180"/>
        <source>Environment keys</source>
        <translation>Umgebungsschlüssel</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="182"/>
        <source>Key, value (secrets hidden), source file, status and description; edit a value with F2 or a double click</source>
        <translation>Schlüssel, Wert (Geheimnisse verborgen), Quelldatei, Status und Beschreibung; einen Wert mit F2 oder Doppelklick bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="228"/>
        <source>Environment status</source>
        <translation>Umgebungsstatus</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="251"/>
        <source>Reading the .env profile…</source>
        <translation>.env-Profil wird gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="274"/>
        <source>Resolved profile (%1)</source>
        <translation>Aufgelöstes Profil (%1)</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="275"/>
        <source>no profile</source>
        <translation>kein Profil</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="340"/>
        <source>No unsaved changes.</source>
        <translation>Keine ungespeicherten Änderungen.</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="344"/>
        <source>unsaved changes in %1</source>
        <translation>ungespeicherte Änderungen in %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/env/enveditorpanel.cpp" line="347"/>
        <source>%n secret(s) to store in the keychain</source>
        <translation>
            <numerusform>%n Geheimnis für den Schlüsselbund</numerusform>
            <numerusform>%n Geheimnisse für den Schlüsselbund</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="363"/>
        <source>Not &amp;secret</source>
        <translation>Nicht &amp;geheim</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="368"/>
        <source>Undo: %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="474"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="505"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/env/enveditorpanel.cpp" line="574"/>
        <source>%1 changed on disk while you were editing. Nothing was overwritten: reload the files (dropping your unsaved edits) or merge your edits into them.</source>
        <translation>%1 wurde während der Bearbeitung auf der Platte geändert. Nichts wurde überschrieben: Dateien neu laden (ungespeicherte Änderungen verwerfen) oder Ihre Änderungen einarbeiten.</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::EnvKeyModel</name>
    <message>
        <location filename="../ui/env/envkeymodel.cpp" line="180"/>
        <source>defined in no file</source>
        <translation>in keiner Datei definiert</translation>
    </message>
    <message>
        <location filename="../ui/env/envkeymodel.cpp" line="183"/>
        <source>missing (documented in .env.example)</source>
        <translation>fehlt (in .env.example dokumentiert)</translation>
    </message>
    <message>
        <location filename="../ui/env/envkeymodel.cpp" line="186"/>
        <source>secret in the keychain</source>
        <translation>Geheimnis im Schlüsselbund</translation>
    </message>
    <message>
        <location filename="../ui/env/envkeymodel.cpp" line="188"/>
        <source>secret</source>
        <translation>geheim</translation>
    </message>
    <message>
        <location filename="../ui/env/envkeymodel.cpp" line="191"/>
        <source>secret in a plain file</source>
        <translation>Geheimnis in einer Klartextdatei</translation>
    </message>
    <message>
        <location filename="../ui/env/envkeymodel.cpp" line="194"/>
        <source>overridden</source>
        <translation>überschrieben</translation>
    </message>
    <message>
        <location filename="../ui/env/envkeymodel.cpp" line="197"/>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <location filename="../ui/env/envkeymodel.cpp" line="200"/>
        <source>not in .env.example</source>
        <translation>nicht in .env.example</translation>
    </message>
    <message>
        <location filename="../ui/env/envkeymodel.cpp" line="203"/>
        <source>used by %1</source>
        <translation>verwendet von %1</translation>
    </message>
    <message>
        <location filename="../ui/env/envkeymodel.cpp" line="205"/>
        <source>the project</source>
        <translation>dem Projekt</translation>
    </message>
    <message>
        <location filename="../ui/env/envkeymodel.cpp" line="207"/>
        <source>not used by the compose files</source>
        <translation>von den Compose-Dateien nicht verwendet</translation>
    </message>
    <message>
        <location filename="../ui/env/envkeymodel.cpp" line="222"/>
        <source>hidden secret</source>
        <translation>verborgenes Geheimnis</translation>
    </message>
    <message>
        <location filename="../ui/env/envkeymodel.cpp" line="226"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../ui/env/envkeymodel.cpp" line="273"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/env/envkeymodel.cpp" line="275"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/env/envkeymodel.cpp" line="277"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../ui/env/envkeymodel.cpp" line="279"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/env/envkeymodel.cpp" line="281"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::LogPanel</name>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="81"/>
        <source>Regex</source>
        <translation>Regex</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="82"/>
        <source>Case</source>
        <translation>Groß/klein</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="83"/>
        <source>Filter</source>
        <translation>Filtern</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="90"/>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="92"/>
        <source>Search the logs</source>
        <translation>Logs durchsuchen</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="93"/>
        <source>Search (Ctrl+F)</source>
        <translation>Suchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="95"/>
        <source>Search with a regular expression</source>
        <translation>Mit regulärem Ausdruck suchen</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="96"/>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="97"/>
        <source>Show only matching lines</source>
        <translation>Nur passende Zeilen zeigen</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="99"/>
        <source>Match count</source>
        <translation>Anzahl der Treffer</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="101"/>
        <source>Level filter</source>
        <translation>Filter nach Stufe</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="102"/>
        <source>All levels</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="103"/>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="104"/>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="105"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="107"/>
        <source>Services shown</source>
        <translation>Gezeigte Dienste</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="108"/>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="112"/>
        <source>Follow new lines</source>
        <translation>Neuen Zeilen folgen</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="113"/>
        <source>Follow</source>
        <translation>Folgen</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="124"/>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="124"/>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="125"/>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="125"/>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="127"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="128"/>
        <source>Show timestamps</source>
        <translation>Zeitstempel zeigen</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="131"/>
        <source>Wrap</source>
        <translation>Umbruch</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="132"/>
        <source>Wrap long lines</source>
        <translation>Lange Zeilen umbrechen</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="134"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="134"/>
        <source>Copy the selected lines</source>
        <translation>Die gewählten Zeilen kopieren</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="138"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="139"/>
        <source>Export the logs to a file</source>
        <translation>Die Logs in eine Datei exportieren</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="143"/>
        <source>Export logs</source>
        <translation>Logs exportieren</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="147"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="155"/>
        <source>The lines shown…</source>
        <translation>Die gezeigten Zeilen …</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="156"/>
        <source>Everything stored…</source>
        <translation>Alles Gespeicherte …</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="158"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="158"/>
        <source>Clear the logs</source>
        <translation>Die Logs leeren</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="206"/>
        <source>The whole line (%1 MB)</source>
        <translation>Die ganze Zeile (%1 MB)</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="208"/>
        <source>The whole line</source>
        <translation>Die ganze Zeile</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="415"/>
        <source>searching …</source>
        <translation>suche …</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="432"/>
        <source>no matches</source>
        <translation>keine Treffer</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/logs/logpanel.cpp" line="435"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="436"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/logs/logpanel.cpp" line="283"/>
        <source>All services</source>
        <translation>Alle Dienste</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::LogView</name>
    <message>
        <location filename="../ui/logs/logview.cpp" line="48"/>
        <source>Log lines</source>
        <translation>Logzeilen</translation>
    </message>
    <message>
        <location filename="../ui/logs/logview.cpp" line="49"/>
        <source>The logs, newest at the bottom. End follows new lines; Ctrl+C copies the selected lines.</source>
        <translation>Die Logs, die neuesten unten. Ende folgt neuen Zeilen; Strg+C kopiert die gewählten Zeilen.</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="142"/>
        <source>All containers of the project&apos;s Docker engine, updated live</source>
        <translation>Alle Container der Docker-Engine des Projekts, live aktualisiert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="516"/>
        <source>What the port check could not see</source>
        <translation>Was die Portprüfung nicht sehen konnte</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="898"/>
        <source>Open &amp;Terminal</source>
        <translation>&amp;Terminal öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="907"/>
        <source>A shell in the selected service&apos;s container, in a tab of its own (Ctrl+Shift+T)</source>
        <translation>Eine Shell im Container des ausgewählten Dienstes, in einem eigenen Tab (Strg+Umschalt+T)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1391"/>
        <source>%1 is not running: start it to open a terminal</source>
        <translation>%1 läuft nicht: starten Sie den Dienst, um ein Terminal zu öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="535"/>
        <source>&amp;Data</source>
        <translation>Date&amp;n</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="923"/>
        <source>Check who holds the ports the stack publishes</source>
        <translation>Prüfen, wer die Ports belegt, die der Stack veröffentlicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1245"/>
        <source>Unavailable while the Docker engine is unreachable: %1</source>
        <translation>Nicht verfügbar, solange die Docker-Engine nicht erreichbar ist: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1178"/>
        <source>%1 · state unknown: the Docker engine is not reachable · %2</source>
        <translation>%1 · Zustand unbekannt: die Docker-Engine ist nicht erreichbar · %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="121"/>
        <source>DevDock</source>
        <translation>DevDock</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="132"/>
        <source>Engine status</source>
        <translation>Engine-Status</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="133"/>
        <source>Docker engine version, API version and endpoint</source>
        <translation>Version der Docker-Engine, API-Version und Endpunkt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="134"/>
        <location filename="../ui/mainwindow.cpp" line="257"/>
        <source>Connecting to %1 …</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="105"/>
        <source>Engine error</source>
        <translation>Engine-Fehler</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="107"/>
        <source>Project error</source>
        <translation>Projektfehler</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="140"/>
        <source>Containers</source>
        <translation>Container</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="183"/>
        <source>Container count</source>
        <translation>Anzahl der Container</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="185"/>
        <source>Project status</source>
        <translation>Projektstatus</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="187"/>
        <source>Stack memory total</source>
        <translation>Speicher des Stacks insgesamt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="475"/>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="479"/>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="481"/>
        <source>The project&apos;s services: state, health, ports, uptime, restarts, image</source>
        <translation>Die Dienste des Projekts: Zustand, Gesundheit, Ports, Laufzeit, Neustarts, Image</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="492"/>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="494"/>
        <source>Every published port with its service, URL and who holds it when it is taken</source>
        <translation>Jeder veröffentlichte Port mit Dienst, URL und, wenn belegt, wer ihn hält</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="507"/>
        <source>&amp;Topology</source>
        <translation>&amp;Topologie</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="508"/>
        <source>&amp;Services</source>
        <translation>&amp;Dienste</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="522"/>
        <location filename="../ui/mainwindow.cpp" line="682"/>
        <source>&amp;Ports</source>
        <translation>&amp;Ports</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="523"/>
        <source>&amp;Containers</source>
        <translation>&amp;Container</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="526"/>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="531"/>
        <source>&amp;Logs</source>
        <translation>&amp;Logs</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="533"/>
        <source>&amp;Environment</source>
        <translation>&amp;Umgebung</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="547"/>
        <location filename="../ui/mainwindow.cpp" line="553"/>
        <source>Recreate services</source>
        <translation>Dienste neu erstellen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="555"/>
        <source>&amp;Recreate</source>
        <translation>Neu &amp;erstellen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="557"/>
        <source>Recreate</source>
        <translation>Neu erstellen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="559"/>
        <source>Recreate exactly the services whose environment changed</source>
        <translation>Genau die Dienste neu erstellen, deren Umgebung sich geändert hat</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="560"/>
        <source>Not &amp;now</source>
        <translation>&amp;Nicht jetzt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="562"/>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="369"/>
        <source>Stack memory: %1 MB</source>
        <translation>Speicher des Stacks: %1 MB</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="608"/>
        <location filename="../ui/mainwindow.cpp" line="610"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="614"/>
        <location filename="../ui/mainwindow.cpp" line="616"/>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="409"/>
        <source>Could not load the project</source>
        <translation>Das Projekt ließ sich nicht laden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="319"/>
        <source>Loading %1 …</source>
        <translation>Lade %1 …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="790"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="791"/>
        <source>&amp;Open Project…</source>
        <translation>Projekt &amp;öffnen …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="794"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="798"/>
        <source>Running &amp;Stacks</source>
        <translation>Laufende &amp;Stacks</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="802"/>
        <source>Looking for stacks …</source>
        <translation>Suche Stacks …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="813"/>
        <source>No Compose stacks on the engine</source>
        <translation>Keine Compose-Stacks auf der Engine</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="816"/>
        <source>%1 — %2/%3 running — %4</source>
        <translation>%1 — %2/%3 laufen — %4</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="825"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="836"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="840"/>
        <source>&amp;Stack</source>
        <translation>&amp;Stack</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="841"/>
        <source>&amp;Up</source>
        <translation>&amp;Hochfahren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="850"/>
        <source>Create and start every service, dependencies first (Ctrl+U)</source>
        <translation>Alle Dienste anlegen und starten, Abhängigkeiten zuerst (Strg+U)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="852"/>
        <source>&amp;Down</source>
        <translation>&amp;Herunterfahren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="860"/>
        <source>Stop and remove the stack&apos;s containers and networks (Ctrl+Shift+D)</source>
        <translation>Container und Netzwerke des Stacks stoppen und entfernen (Strg+Umschalt+D)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="861"/>
        <source>&amp;Restart</source>
        <translation>&amp;Neu starten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="875"/>
        <source>Restart the selected service and its dependents, or the whole stack (Ctrl+R)</source>
        <translation>Den gewählten Dienst und die von ihm abhängigen neu starten, oder den ganzen Stack (Strg+R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="876"/>
        <source>S&amp;top Service</source>
        <translation>Dienst s&amp;toppen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="886"/>
        <source>Re&amp;build Service</source>
        <translation>Dienst neu &amp;bauen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="897"/>
        <source>Rebuild the selected service&apos;s image and recreate only it (Ctrl+B)</source>
        <translation>Das Image des gewählten Dienstes neu bauen und nur ihn neu anlegen (Strg+B)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="908"/>
        <source>&amp;Cancel Operation</source>
        <translation>Vorgang &amp;abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="916"/>
        <source>&amp;Onboarding…</source>
        <translation>&amp;Einrichtung…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="919"/>
        <source>Check this machine and take the project to a healthy stack, step by step (Ctrl+Shift+O)</source>
        <translation>Diesen Rechner prüfen und das Projekt Schritt für Schritt zu einem gesunden Stack bringen (Strg+Umschalt+O)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="921"/>
        <source>Check &amp;Ports</source>
        <translation>&amp;Ports prüfen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="931"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="933"/>
        <source>&amp;Fit Graph</source>
        <translation>Graph &amp;einpassen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="935"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="937"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="968"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="969"/>
        <source>&amp;About DevDock</source>
        <translation>Über &amp;DevDock</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="970"/>
        <source>About DevDock</source>
        <translation>Über DevDock</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="971"/>
        <source>DevDock %1
A desktop manager for Docker Compose development environments.</source>
        <translation>DevDock %1
Eine Desktop-Verwaltung für Docker-Compose-Entwicklungsumgebungen.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="976"/>
        <source>Stack</source>
        <translation>Stack</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="978"/>
        <source>Stack actions</source>
        <translation>Stack-Aktionen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="991"/>
        <source>Compose profiles</source>
        <translation>Compose-Profile</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="992"/>
        <location filename="../ui/mainwindow.cpp" line="1127"/>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="996"/>
        <source> .env: </source>
        <translation> .env: </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="997"/>
        <source>.env profile label</source>
        <translation>Beschriftung des .env-Profils</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1000"/>
        <source>.env profile</source>
        <translation>.env-Profil</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1001"/>
        <source>Which .env profile the stack runs with</source>
        <translation>Mit welchem .env-Profil der Stack läuft</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1057"/>
        <source>The files of stack %1 are not on this machine (%2).
Open its folder by hand if it lives elsewhere.</source>
        <translation>Die Dateien des Stacks %1 liegen nicht auf diesem Rechner (%2).
Öffnen Sie seinen Ordner von Hand, falls er woanders liegt.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1066"/>
        <source>Open a Compose project folder</source>
        <translation>Einen Compose-Projektordner öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1092"/>
        <source>%1 — DevDock</source>
        <translation>%1 — DevDock</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1137"/>
        <source>%1 · %2 services · %3</source>
        <translation>%1 · %2 Dienste · %3</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1180"/>
        <source>%1 · %2 of %3 services up · %4</source>
        <translation>%1 · %2 von %3 Diensten laufen · %4</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="681"/>
        <source>&amp;Ports (%1 conflicts)</source>
        <translation>&amp;Ports (%1 Konflikte)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1315"/>
        <source>Service actions</source>
        <translation>Dienstaktionen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1319"/>
        <source>Start with dependencies</source>
        <translation>Mit Abhängigkeiten starten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1322"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1324"/>
        <source>Stop with dependents</source>
        <translation>Mit abhängigen Diensten stoppen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1326"/>
        <source>Restart with dependents</source>
        <translation>Mit abhängigen Diensten neu starten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1329"/>
        <source>Rebuild only this service</source>
        <translation>Nur diesen Dienst neu bauen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1336"/>
        <source>Dev mode</source>
        <translation>Dev-Modus</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1342"/>
        <source>Run with its hot-reload configuration (%1); only it is recreated</source>
        <translation>Mit seiner Hot-Reload-Konfiguration ausführen (%1); nur er wird neu erstellt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1344"/>
        <source>No dev configuration: add it to docker-compose.dev.yml or an x-devdock extension</source>
        <translation>Keine Dev-Konfiguration: in docker-compose.dev.yml oder einer x-devdock-Erweiterung hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1346"/>
        <source>File sync</source>
        <translation>Dateisynchronisation</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1351"/>
        <source>Copy changed files into the running container (develop.watch)</source>
        <translation>Geänderte Dateien in den laufenden Container kopieren (develop.watch)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1354"/>
        <source>Open logs</source>
        <translation>Logs öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1357"/>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1361"/>
        <source>Open terminal</source>
        <translation>Terminal öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1402"/>
        <source>Terminals</source>
        <translation>Terminals</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1371"/>
        <source>Copy container ID</source>
        <translation>Container-ID kopieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1492"/>
        <source>dev mode</source>
        <translation>Dev-Modus</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1493"/>
        <source>dev</source>
        <translation>dev</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1501"/>
        <source>sync: synced %1</source>
        <translation>Sync: synchronisiert %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1503"/>
        <source>sync: watching</source>
        <translation>Sync: beobachtet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1506"/>
        <source>sync: copying…</source>
        <translation>Sync: kopiert…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1509"/>
        <source>sync paused: %1</source>
        <translation>Sync angehalten: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1512"/>
        <source>sync error: %1</source>
        <translation>Sync-Fehler: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1518"/>
        <location filename="../ui/mainwindow.cpp" line="1519"/>
        <source>sync</source>
        <translation>Sync</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="1576"/>
        <source>The environment of %n running service(s) changed: %1. Recreate them to use it?</source>
        <translation>
            <numerusform>Die Umgebung von %n laufendem Dienst hat sich geändert: %1. Neu erstellen, um sie zu verwenden?</numerusform>
            <numerusform>Die Umgebung von %n laufenden Diensten hat sich geändert: %1. Neu erstellen, um sie zu verwenden?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1648"/>
        <location filename="../ui/mainwindow.cpp" line="1655"/>
        <source>Unsaved environment changes</source>
        <translation>Ungespeicherte Umgebungsänderungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1649"/>
        <source>The .env profile has unsaved changes (%1).</source>
        <translation>Das .env-Profil hat ungespeicherte Änderungen (%1).</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1651"/>
        <source>secrets for the keychain</source>
        <translation>Geheimnisse für den Schlüsselbund</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1683"/>
        <source>Docker Engine %1 · API %2 · %3/%4 · %5</source>
        <translation>Docker-Engine %1 · API %2 · %3/%4 · %5</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1700"/>
        <source>Not connected · %1</source>
        <translation>Nicht verbunden · %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1712"/>
        <source>1 container</source>
        <translation>1 Container</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1712"/>
        <source>%1 containers</source>
        <translation>%1 Container</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1713"/>
        <source>%1 · %2 running</source>
        <translation>%1 · %2 laufen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="963"/>
        <source>Show or hide the %1 panel</source>
        <translation>Bereich %1 zeigen oder ausblenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="407"/>
        <source>Could not reload the project; showing the last good load</source>
        <translation>Das Projekt konnte nicht neu geladen werden; gezeigt wird der letzte gelungene Stand</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="433"/>
        <source>Set %1</source>
        <translation>%1 setzen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="441"/>
        <source>%n required variable(s) not set: %1. The stack cannot start until they are.</source>
        <translation>
            <numerusform>%n benötigte Variable nicht gesetzt: %1. Der Stack kann erst starten, wenn sie gesetzt ist.</numerusform>
            <numerusform>%n benötigte Variablen nicht gesetzt: %1. Der Stack kann erst starten, wenn sie gesetzt sind.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="576"/>
        <location filename="../ui/mainwindow.cpp" line="583"/>
        <source>Required variables not set</source>
        <translation>Benötigte Variablen nicht gesetzt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="587"/>
        <source>Set in &amp;Environment</source>
        <translation>In &amp;Umgebung setzen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="588"/>
        <source>Set in Environment</source>
        <translation>In Umgebung setzen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="706"/>
        <location filename="../ui/mainwindow.cpp" line="708"/>
        <source>Projects</source>
        <translation>Projekte</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1329"/>
        <source>Rebuild only these services</source>
        <translation>Nur diese Dienste neu bauen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="767"/>
        <source>The twin %1 of the branch %2 is up.</source>
        <translation>Der Zwilling %1 des Branches %2 läuft.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="769"/>
        <source>The twin %1 of the branch %2 is torn down.</source>
        <translation>Der Zwilling %1 des Branches %2 ist abgebaut.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="747"/>
        <source>That project is no longer in the list; choose it again.</source>
        <translation>Dieses Projekt ist nicht mehr in der Liste; bitte erneut wählen.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1125"/>
        <source>%1 (profile %2)</source>
        <translation>%1 (Profil %2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="1128"/>
        <source>Profiles · %n hidden</source>
        <translation>
            <numerusform>Profile · %n verborgen</numerusform>
            <numerusform>Profile · %n verborgen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1131"/>
        <source>Every service is in an active Compose profile.</source>
        <translation>Jeder Dienst gehört zu einem aktiven Compose-Profil.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1132"/>
        <source>Hidden by inactive Compose profiles: %1. Check a profile to show its services; the choice is remembered for this project.</source>
        <translation>Durch inaktive Compose-Profile ausgeblendet: %1. Haken Sie ein Profil an, um seine Dienste zu zeigen; die Wahl wird für dieses Projekt gemerkt.</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::OnboardingDialog</name>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="55"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="57"/>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="59"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="61"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="63"/>
        <source>needs your input</source>
        <translation>braucht Ihre Eingabe</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="65"/>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="102"/>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="156"/>
        <source>Values DevDock cannot generate</source>
        <translation>Werte, die DevDock nicht erzeugen kann</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="104"/>
        <source>&amp;Continue</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="113"/>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="114"/>
        <source>C&amp;ancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="115"/>
        <source>&amp;Open the frontend</source>
        <translation>Frontend ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="116"/>
        <source>C&amp;lose</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="119"/>
        <source>Onboarding — DevDock</source>
        <translation>Einrichtung — DevDock</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="120"/>
        <source>Onboarding</source>
        <translation>Einrichtung</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="121"/>
        <source>From a fresh clone to a healthy stack, step by step</source>
        <translation>Vom frischen Klon zum gesunden Stack, Schritt für Schritt</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="126"/>
        <source>Onboarding status</source>
        <translation>Einrichtungsstatus</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="134"/>
        <source>Onboarding steps</source>
        <translation>Einrichtungsschritte</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="135"/>
        <source>Each check with its status, what was found and the fix</source>
        <translation>Jede Prüfung mit Status, Befund und Abhilfe</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="137"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="137"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="137"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="158"/>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="159"/>
        <source>Store the values in the keychain and go on</source>
        <translation>Die Werte im Schlüsselbund speichern und weitermachen</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="207"/>
        <source>Progress output</source>
        <translation>Fortschrittsausgabe</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="208"/>
        <source>Build, pull and start output of the running step</source>
        <translation>Build-, Pull- und Startausgabe des laufenden Schritts</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="219"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="219"/>
        <source>Run again from the failed step</source>
        <translation>Ab dem fehlgeschlagenen Schritt erneut ausführen</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="220"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="220"/>
        <source>Stop the running step</source>
        <translation>Den laufenden Schritt anhalten</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="221"/>
        <source>Open the frontend</source>
        <translation>Frontend öffnen</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="222"/>
        <source>Open the stack&apos;s frontend URL in the browser</source>
        <translation>Die Frontend-URL des Stacks im Browser öffnen</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="223"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="223"/>
        <source>Close this window</source>
        <translation>Dieses Fenster schließen</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="354"/>
        <source>Fix</source>
        <translation>Abhilfe</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="376"/>
        <source>Step %1 of %2: %3…</source>
        <translation>Schritt %1 von %2: %3…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="407"/>
        <source>DevDock needs %n value(s) it cannot generate. They go to the keychain, never into a file.</source>
        <translation>
            <numerusform>DevDock braucht %n Wert, den es nicht erzeugen kann. Er kommt in den Schlüsselbund, nie in eine Datei.</numerusform>
            <numerusform>DevDock braucht %n Werte, die es nicht erzeugen kann. Sie kommen in den Schlüsselbund, nie in eine Datei.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="418"/>
        <source>%1 needs a value.</source>
        <translation>%1 braucht einen Wert.</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="439"/>
        <source>Done: every service is up and healthy.</source>
        <translation>Fertig: Jeder Dienst läuft und ist gesund.</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="440"/>
        <source>Done: every service is up and healthy. The frontend is at %1.</source>
        <translation>Fertig: Jeder Dienst läuft und ist gesund. Das Frontend ist unter %1.</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="450"/>
        <source>Stopped at “%1”. Fix it and press Retry.</source>
        <translation>Angehalten bei „%1“. Beheben Sie es und wählen Sie „Erneut versuchen“.</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="105"/>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="167"/>
        <source>Files and keychain</source>
        <translation>Dateien und Schlüsselbund</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="109"/>
        <source>Acce&amp;pt the change</source>
        <translation>Änderung &amp;übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="110"/>
        <source>S&amp;kip: keep my file</source>
        <translation>Überspri&amp;ngen: Datei behalten</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="111"/>
        <source>&amp;Start onboarding</source>
        <translation>Einrichtung s&amp;tarten</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="169"/>
        <source>The files onboarding will create or change, and the secrets it will store</source>
        <translation>Die Dateien, die die Einrichtung anlegt oder ändert, und die Geheimnisse, die sie speichert</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="172"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="177"/>
        <source>About the change</source>
        <translation>Zur Änderung</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="181"/>
        <source>.env.local change</source>
        <translation>Änderung an .env.local</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="182"/>
        <source>The change to .env.local as a diff: + added, - removed</source>
        <translation>Die Änderung an .env.local als Diff: + hinzugefügt, - entfernt</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="190"/>
        <source>Accept the change</source>
        <translation>Änderung übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="191"/>
        <source>Onboarding writes this change into .env.local</source>
        <translation>Die Einrichtung schreibt diese Änderung in .env.local</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="192"/>
        <source>Skip the change</source>
        <translation>Änderung überspringen</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="193"/>
        <source>Onboarding leaves .env.local as it is and goes on</source>
        <translation>Die Einrichtung lässt .env.local unverändert und macht weiter</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="217"/>
        <source>Start onboarding</source>
        <translation>Einrichtung starten</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="218"/>
        <source>Run the plan: only now does onboarding write files and secrets</source>
        <translation>Den Plan ausführen: Erst jetzt schreibt die Einrichtung Dateien und Geheimnisse</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="261"/>
        <source>This is the plan; nothing has been written yet. Press Start to run it.</source>
        <translation>Das ist der Plan; noch wurde nichts geschrieben. Mit „Einrichtung starten“ wird er ausgeführt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="263"/>
        <source>This is the plan; nothing has been written yet. %n check(s) failed: fix them (see below), then press Start.</source>
        <translation>
            <numerusform>Das ist der Plan; noch wurde nichts geschrieben. %n Prüfung ist fehlgeschlagen: Beheben Sie sie (siehe unten) und starten Sie dann.</numerusform>
            <numerusform>Das ist der Plan; noch wurde nichts geschrieben. %n Prüfungen sind fehlgeschlagen: Beheben Sie sie (siehe unten) und starten Sie dann.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="274"/>
        <source>Checking this machine and reading the project; nothing is written until you press Start…</source>
        <translation>Rechner wird geprüft und Projekt gelesen; bis zum Start wird nichts geschrieben…</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="285"/>
        <source>No file in the project changes.</source>
        <translation>Keine Datei im Projekt ändert sich.</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="288"/>
        <source>Creates .env.local with what no profile sets: %1.</source>
        <translation>Legt .env.local an mit dem, was kein Profil setzt: %1.</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="292"/>
        <source>.env.local exists: the change below is applied only if you accept it.</source>
        <translation>.env.local existiert: Die Änderung unten wird nur übernommen, wenn Sie zustimmen.</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="296"/>
        <source>Left to the profiles (%1): %2.</source>
        <translation>Den Profilen überlassen (%1): %2.</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="301"/>
        <source>Generates into the keychain: %1.</source>
        <translation>Erzeugt im Schlüsselbund: %1.</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="305"/>
        <source>Asks you for: %1 (stored in the keychain).</source>
        <translation>Fragt Sie nach: %1 (im Schlüsselbund gespeichert).</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="318"/>
        <source>Proposed change to your .env.local:</source>
        <translation>Vorgeschlagene Änderung an Ihrer .env.local:</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="319"/>
        <source>The new .env.local:</source>
        <translation>Die neue .env.local:</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="331"/>
        <source>Accepted: onboarding writes this change into .env.local.</source>
        <translation>Übernommen: Die Einrichtung schreibt diese Änderung in .env.local.</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="332"/>
        <source>Skipped: .env.local stays as it is.</source>
        <translation>Übersprungen: .env.local bleibt, wie sie ist.</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="367"/>
        <source>Review the change to .env.local: Accept or Skip.</source>
        <translation>Prüfen Sie die Änderung an .env.local: übernehmen oder überspringen.</translation>
    </message>
    <message>
        <location filename="../ui/onboarding/onboardingdialog.cpp" line="53"/>
        <source>to do</source>
        <translation>offen</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::OperationPanel</name>
    <message>
        <location filename="../ui/operations/operationpanel.cpp" line="22"/>
        <source>No operation yet</source>
        <translation>Noch kein Vorgang</translation>
    </message>
    <message>
        <location filename="../ui/operations/operationpanel.cpp" line="25"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/operations/operationpanel.cpp" line="26"/>
        <location filename="../ui/operations/operationpanel.cpp" line="81"/>
        <source>Show output</source>
        <translation>Ausgabe zeigen</translation>
    </message>
    <message>
        <location filename="../ui/operations/operationpanel.cpp" line="33"/>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <location filename="../ui/operations/operationpanel.cpp" line="35"/>
        <source>Operation title</source>
        <translation>Titel des Vorgangs</translation>
    </message>
    <message>
        <location filename="../ui/operations/operationpanel.cpp" line="36"/>
        <source>Operation elapsed time</source>
        <translation>Dauer des Vorgangs</translation>
    </message>
    <message>
        <location filename="../ui/operations/operationpanel.cpp" line="37"/>
        <source>Operation progress</source>
        <translation>Fortschritt des Vorgangs</translation>
    </message>
    <message>
        <location filename="../ui/operations/operationpanel.cpp" line="43"/>
        <source>Cancel operation</source>
        <translation>Vorgang abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/operations/operationpanel.cpp" line="46"/>
        <source>Show or hide the operation&apos;s output</source>
        <translation>Ausgabe des Vorgangs zeigen oder verbergen</translation>
    </message>
    <message>
        <location filename="../ui/operations/operationpanel.cpp" line="28"/>
        <source>Operation error</source>
        <translation>Fehler des Vorgangs</translation>
    </message>
    <message>
        <location filename="../ui/operations/operationpanel.cpp" line="53"/>
        <source>Progress per service</source>
        <translation>Fortschritt je Dienst</translation>
    </message>
    <message>
        <location filename="../ui/operations/operationpanel.cpp" line="54"/>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <location filename="../ui/operations/operationpanel.cpp" line="54"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/operations/operationpanel.cpp" line="59"/>
        <source>Operation output</source>
        <translation>Ausgabe des Vorgangs</translation>
    </message>
    <message>
        <location filename="../ui/operations/operationpanel.cpp" line="81"/>
        <source>Hide output</source>
        <translation>Ausgabe verbergen</translation>
    </message>
    <message>
        <location filename="../ui/operations/operationpanel.cpp" line="164"/>
        <source>queued</source>
        <translation>wartet</translation>
    </message>
    <message>
        <location filename="../ui/operations/operationpanel.cpp" line="183"/>
        <source>building: %1</source>
        <translation>baut: %1</translation>
    </message>
    <message>
        <location filename="../ui/operations/operationpanel.cpp" line="185"/>
        <source>pulling: %1</source>
        <translation>lädt: %1</translation>
    </message>
    <message>
        <location filename="../ui/operations/operationpanel.cpp" line="200"/>
        <location filename="../ui/operations/operationpanel.cpp" line="238"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/operations/operationpanel.cpp" line="202"/>
        <source>%1: done in %2</source>
        <translation>%1: fertig nach %2</translation>
    </message>
    <message>
        <location filename="../ui/operations/operationpanel.cpp" line="207"/>
        <source>%1: failed after %2</source>
        <translation>%1: fehlgeschlagen nach %2</translation>
    </message>
    <message>
        <location filename="../ui/operations/operationpanel.cpp" line="27"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/operations/operationpanel.cpp" line="49"/>
        <source>Dismiss the operation</source>
        <translation>Vorgang schließen</translation>
    </message>
    <message>
        <location filename="../ui/operations/operationpanel.cpp" line="50"/>
        <source>Fold the operation area away</source>
        <translation>Den Vorgangsbereich einklappen</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::PortListModel</name>
    <message>
        <location filename="../ui/ports/portlistmodel.cpp" line="86"/>
        <source>published</source>
        <translation>veröffentlicht</translation>
    </message>
    <message>
        <location filename="../ui/ports/portlistmodel.cpp" line="86"/>
        <source>not published (service not running)</source>
        <translation>nicht veröffentlicht (Dienst läuft nicht)</translation>
    </message>
    <message>
        <location filename="../ui/ports/portlistmodel.cpp" line="91"/>
        <source>conflict: held by %1</source>
        <translation>Konflikt: belegt von %1</translation>
    </message>
    <message>
        <location filename="../ui/ports/portlistmodel.cpp" line="181"/>
        <source>Host port</source>
        <translation>Host-Port</translation>
    </message>
    <message>
        <location filename="../ui/ports/portlistmodel.cpp" line="183"/>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <location filename="../ui/ports/portlistmodel.cpp" line="187"/>
        <source>Container port</source>
        <translation>Container-Port</translation>
    </message>
    <message>
        <location filename="../ui/ports/portlistmodel.cpp" line="189"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../ui/ports/portlistmodel.cpp" line="191"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/ports/portlistmodel.cpp" line="111"/>
        <source>published by the twin %1</source>
        <translation>vom Zwilling %1 veröffentlicht</translation>
    </message>
    <message>
        <location filename="../ui/ports/portlistmodel.cpp" line="185"/>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::ProjectListModel</name>
    <message>
        <location filename="../ui/workspace/projectlistmodel.cpp" line="62"/>
        <source>loading…</source>
        <translation>lädt …</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectlistmodel.cpp" line="64"/>
        <source>load failed</source>
        <translation>Laden fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectlistmodel.cpp" line="66"/>
        <source>engine unreachable</source>
        <translation>Engine nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectlistmodel.cpp" line="68"/>
        <source>checking…</source>
        <translation>wird geprüft …</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/workspace/projectlistmodel.cpp" line="70"/>
        <location filename="../ui/workspace/projectlistmodel.cpp" line="101"/>
        <source>%n unhealthy</source>
        <translation>
            <numerusform>%n nicht gesund</numerusform>
            <numerusform>%n nicht gesund</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/workspace/projectlistmodel.cpp" line="72"/>
        <source>%n exited</source>
        <translation>
            <numerusform>%n beendet</numerusform>
            <numerusform>%n beendet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectlistmodel.cpp" line="74"/>
        <source>%1/%2 up, starting</source>
        <translation>%1/%2 laufen, starten</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectlistmodel.cpp" line="77"/>
        <source>%1/%2 up</source>
        <translation>%1/%2 laufen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectlistmodel.cpp" line="79"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectlistmodel.cpp" line="88"/>
        <source>Loading the compose files of %1 …</source>
        <translation>Die Compose-Dateien von %1 werden geladen …</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectlistmodel.cpp" line="90"/>
        <source>%1 could not be loaded: %2</source>
        <translation>%1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectlistmodel.cpp" line="92"/>
        <source>The Docker engine “%1” is not reachable; the state of %2 is unknown.</source>
        <translation>Die Docker-Engine „%1“ ist nicht erreichbar; der Zustand von %2 ist unbekannt.</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectlistmodel.cpp" line="95"/>
        <source>Asking the engine for the containers of %1 …</source>
        <translation>Die Engine wird nach den Containern von %1 gefragt …</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectlistmodel.cpp" line="99"/>
        <source>%1 of %2 services running</source>
        <translation>%1 von %2 Diensten laufen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/workspace/projectlistmodel.cpp" line="104"/>
        <source>%n exited unexpectedly</source>
        <translation>
            <numerusform>%n unerwartet beendet</numerusform>
            <numerusform>%n unerwartet beendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/workspace/projectlistmodel.cpp" line="107"/>
        <source>%n starting</source>
        <translation>
            <numerusform>%n startet</numerusform>
            <numerusform>%n starten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectlistmodel.cpp" line="110"/>
        <source>dev mode on</source>
        <translation>Dev-Modus an</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectlistmodel.cpp" line="549"/>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectlistmodel.cpp" line="551"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectlistmodel.cpp" line="553"/>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectlistmodel.cpp" line="555"/>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectlistmodel.cpp" line="557"/>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectitemdelegate.cpp" line="42"/>
        <source>dev mode</source>
        <translation>Dev-Modus</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectlistmodel.cpp" line="303"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectlistmodel.cpp" line="306"/>
        <source>%1 — twin of %2, %3</source>
        <translation>%1 — Zwilling von %2, %3</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectlistmodel.cpp" line="500"/>
        <source>Twin of %1: branch %2, project %3</source>
        <translation>Zwilling von %1: Branch %2, Projekt %3</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::ProjectSidebar</name>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="28"/>
        <location filename="../ui/workspace/projectsidebar.cpp" line="31"/>
        <location filename="../ui/workspace/projectsidebar.cpp" line="33"/>
        <source>Projects</source>
        <translation>Projekte</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="29"/>
        <source>Every project of the workspace with its live state</source>
        <translation>Jedes Projekt des Arbeitsbereichs mit seinem aktuellen Zustand</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="39"/>
        <source>Workspace projects</source>
        <translation>Projekte des Arbeitsbereichs</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="41"/>
        <source>Pinned projects first, then the open ones, then recent and running stacks found on the engine. Select one to show it; the context menu has its actions.</source>
        <translation>Angeheftete Projekte zuerst, dann die geöffneten, dann zuletzt benutzte und auf der Engine gefundene laufende Stacks. Wählen Sie eines aus, um es anzuzeigen; das Kontextmenü enthält seine Aktionen.</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="52"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="53"/>
        <source>Start every service of the selected project</source>
        <translation>Alle Dienste des ausgewählten Projekts starten</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="55"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="56"/>
        <source>Stop every service of the selected project</source>
        <translation>Alle Dienste des ausgewählten Projekts stoppen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="58"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="58"/>
        <source>Show the selected project</source>
        <translation>Das ausgewählte Projekt anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="60"/>
        <location filename="../ui/workspace/projectsidebar.cpp" line="364"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="61"/>
        <source>Close the selected project (it stays in the list as recent)</source>
        <translation>Das ausgewählte Projekt schließen (es bleibt als zuletzt benutzt in der Liste)</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="63"/>
        <location filename="../ui/workspace/projectsidebar.cpp" line="289"/>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="64"/>
        <source>Keep the selected project at the top of the list</source>
        <translation>Das ausgewählte Projekt oben in der Liste halten</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="67"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="68"/>
        <source>Remove the selected project from the list</source>
        <translation>Das ausgewählte Projekt aus der Liste entfernen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="168"/>
        <source>Show project %1</source>
        <translation>Projekt %1 anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="174"/>
        <source>Next project</source>
        <translation>Nächstes Projekt</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="177"/>
        <source>Previous project</source>
        <translation>Vorheriges Projekt</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="289"/>
        <location filename="../ui/workspace/projectsidebar.cpp" line="361"/>
        <source>Unpin</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="296"/>
        <source>Project actions</source>
        <translation>Projektaktionen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="309"/>
        <source>Open “%1”</source>
        <translation>„%1“ öffnen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="313"/>
        <source>Start “%1”</source>
        <translation>„%1“ starten</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="316"/>
        <source>Stop “%1”</source>
        <translation>„%1“ stoppen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="361"/>
        <source>Pin to the top</source>
        <translation>Oben anheften</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="366"/>
        <source>Remove from the list</source>
        <translation>Aus der Liste entfernen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="324"/>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="333"/>
        <source>Local (default)</source>
        <translation>Lokal (Standard)</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="343"/>
        <source>Tear down twin…</source>
        <translation>Zwilling abbauen…</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="347"/>
        <source>Remove the containers of the branch %1 (the main stack stays)</source>
        <translation>Die Container des Branches %1 entfernen (der Haupt-Stack bleibt)</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="350"/>
        <source>Run branch alongside…</source>
        <translation>Branch daneben starten…</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="355"/>
        <source>The project&apos;s folder is not a git checkout</source>
        <translation>Der Ordner des Projekts ist kein Git-Checkout</translation>
    </message>
    <message>
        <location filename="../ui/workspace/projectsidebar.cpp" line="356"/>
        <source>Start another branch of %1 in its own worktree, on free ports</source>
        <translation>Einen weiteren Branch von %1 in einem eigenen Worktree auf freien Ports starten</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::Readiness</name>
    <message>
        <location filename="../ui/topology/readiness.cpp" line="75"/>
        <source>Waits for: %1</source>
        <translation>Wartet auf: %1</translation>
    </message>
    <message>
        <location filename="../ui/topology/readiness.cpp" line="80"/>
        <source>Blocked by: %1 (not in this project)</source>
        <translation>Blockiert von: %1 (nicht in diesem Projekt)</translation>
    </message>
    <message>
        <location filename="../ui/topology/readiness.cpp" line="83"/>
        <source>Blocked by: %1 — %2</source>
        <translation>Blockiert von: %1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/topology/readiness.cpp" line="85"/>
        <source>Last health probe: %1</source>
        <translation>Letzte Gesundheitsprüfung: %1</translation>
    </message>
    <message>
        <location filename="../ui/topology/readiness.cpp" line="93"/>
        <source>Exit code %1: %2</source>
        <translation>Exit-Code %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/topology/readiness.cpp" line="99"/>
        <source>Last log line: %1</source>
        <translation>Letzte Logzeile: %1</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::ServiceDetailsPanel</name>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="74"/>
        <source>&amp;Terminal</source>
        <translation>&amp;Terminal</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="91"/>
        <source>Open a terminal</source>
        <translation>Terminal öffnen</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="93"/>
        <source>A shell in the shown service&apos;s container, in the window&apos;s terminal tabs</source>
        <translation>Eine Shell im Container des angezeigten Dienstes, in den Terminal-Tabs des Fensters</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="94"/>
        <source>Open a shell in this service&apos;s container (Ctrl+Shift+T)</source>
        <translation>Eine Shell im Container dieses Dienstes öffnen (Strg+Umschalt+T)</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="73"/>
        <source>No service selected</source>
        <translation>Kein Dienst gewählt</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="83"/>
        <source>Service details</source>
        <translation>Dienstdetails</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="85"/>
        <source>Selected service</source>
        <translation>Gewählter Dienst</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="102"/>
        <source>Service state and reason</source>
        <translation>Zustand und Grund</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="105"/>
        <source>State transitions</source>
        <translation>Zustandswechsel</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="106"/>
        <source>Health probe outputs</source>
        <translation>Ausgaben der Gesundheitsprüfung</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="108"/>
        <location filename="../ui/details/servicedetailspanel.cpp" line="131"/>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="110"/>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="110"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="114"/>
        <source>Mounts and networks</source>
        <translation>Mounts und Netzwerke</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="160"/>
        <location filename="../ui/details/servicedetailspanel.cpp" line="173"/>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="162"/>
        <source>RAM MB</source>
        <translation>RAM MB</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="163"/>
        <source>In KB/s</source>
        <translation>Ein KB/s</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="164"/>
        <source>Out KB/s</source>
        <translation>Aus KB/s</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="170"/>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="175"/>
        <source>MB · KB/s</source>
        <translation>MB · KB/s</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="190"/>
        <source>Resource usage chart</source>
        <translation>Diagramm der Ressourcennutzung</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="191"/>
        <source>CPU, memory and network I/O of the selected service over the last five minutes</source>
        <translation>CPU, Speicher und Netzwerk-E/A des gewählten Dienstes in den letzten fünf Minuten</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="128"/>
        <source>Service detail sections</source>
        <translation>Abschnitte der Dienstdetails</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="129"/>
        <source>Transitions</source>
        <translation>Wechsel</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="130"/>
        <source>Health</source>
        <translation>Gesundheit</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="132"/>
        <source>Mounts &amp;&amp; networks</source>
        <translation>Mounts &amp;&amp; Netzwerke</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="47"/>
        <source>health: %1</source>
        <translation>Gesundheit: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/details/servicedetailspanel.cpp" line="382"/>
        <source>%n restart(s)</source>
        <translation>
            <numerusform>%n Neustart</numerusform>
            <numerusform>%n Neustarts</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="432"/>
        <source>%1 %2 → %3%4</source>
        <translation>%1 %2 → %3%4</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="433"/>
        <source> (read-only)</source>
        <translation> (nur lesend)</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="436"/>
        <source>network %1</source>
        <translation>Netzwerk %1</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="116"/>
        <source>Services of the stack</source>
        <translation>Dienste des Stacks</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="117"/>
        <source>Every service and its state; select one for its details</source>
        <translation>Jeder Dienst mit seinem Zustand; wählen Sie einen für seine Details</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="307"/>
        <source>No project open</source>
        <translation>Kein Projekt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="322"/>
        <source>Show the details of %1</source>
        <translation>Die Details von %1 anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="326"/>
        <source>%1 of %2 services running</source>
        <translation>%1 von %2 Diensten laufen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/details/servicedetailspanel.cpp" line="328"/>
        <source>%n exited</source>
        <translation>
            <numerusform>%n beendet</numerusform>
            <numerusform>%n beendet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/details/servicedetailspanel.cpp" line="331"/>
        <source>Select a service for its details and charts.</source>
        <translation>Wählen Sie einen Dienst für seine Details und Diagramme.</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::ServiceListModel</name>
    <message numerus="yes">
        <location filename="../ui/services/servicelistmodel.cpp" line="37"/>
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/services/servicelistmodel.cpp" line="40"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../ui/services/servicelistmodel.cpp" line="43"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/services/servicelistmodel.cpp" line="45"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/services/servicelistmodel.cpp" line="167"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location filename="../ui/services/servicelistmodel.cpp" line="187"/>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <location filename="../ui/services/servicelistmodel.cpp" line="189"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/services/servicelistmodel.cpp" line="191"/>
        <source>Health</source>
        <translation>Gesundheit</translation>
    </message>
    <message>
        <location filename="../ui/services/servicelistmodel.cpp" line="193"/>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <location filename="../ui/services/servicelistmodel.cpp" line="195"/>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <location filename="../ui/services/servicelistmodel.cpp" line="197"/>
        <source>Restarts</source>
        <translation>Neustarts</translation>
    </message>
    <message>
        <location filename="../ui/services/servicelistmodel.cpp" line="199"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/services/servicelistmodel.cpp" line="201"/>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location filename="../ui/services/servicelistmodel.cpp" line="203"/>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <location filename="../ui/services/servicelistmodel.cpp" line="205"/>
        <source>Hot reload</source>
        <translation>Hot Reload</translation>
    </message>
    <message>
        <location filename="../ui/services/servicelistmodel.cpp" line="207"/>
        <source>Why not up</source>
        <translation>Warum nicht aktiv</translation>
    </message>
    <message>
        <location filename="../ui/services/servicelistmodel.cpp" line="144"/>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <location filename="../ui/services/servicelistmodel.cpp" line="147"/>
        <source>unhealthy</source>
        <translation>ungesund</translation>
    </message>
    <message>
        <location filename="../ui/services/servicelistmodel.cpp" line="150"/>
        <source>starting</source>
        <translation>startet</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::StateChip</name>
    <message>
        <location filename="../ui/common/statechip.cpp" line="30"/>
        <source>State: %1</source>
        <translation>Zustand: %1</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::StatePalette</name>
    <message>
        <location filename="../ui/common/statepalette.cpp" line="178"/>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <location filename="../ui/common/statepalette.cpp" line="180"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../ui/common/statepalette.cpp" line="182"/>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <location filename="../ui/common/statepalette.cpp" line="184"/>
        <source>unhealthy</source>
        <translation>ungesund</translation>
    </message>
    <message>
        <location filename="../ui/common/statepalette.cpp" line="186"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/common/statepalette.cpp" line="188"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location filename="../ui/common/statepalette.cpp" line="190"/>
        <source>not created</source>
        <translation>nicht erstellt</translation>
    </message>
    <message>
        <location filename="../ui/common/statepalette.cpp" line="192"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::StateText</name>
    <message>
        <location filename="../ui/common/statekind.cpp" line="107"/>
        <source>killed: out of memory</source>
        <translation>beendet: Speicher erschöpft</translation>
    </message>
    <message>
        <location filename="../ui/common/statekind.cpp" line="111"/>
        <source>finished normally</source>
        <translation>normal beendet</translation>
    </message>
    <message>
        <location filename="../ui/common/statekind.cpp" line="113"/>
        <location filename="../ui/common/statekind.cpp" line="136"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/common/statekind.cpp" line="115"/>
        <source>wrong usage or arguments</source>
        <translation>falscher Aufruf oder Argumente</translation>
    </message>
    <message>
        <location filename="../ui/common/statekind.cpp" line="117"/>
        <source>command not executable</source>
        <translation>Befehl nicht ausführbar</translation>
    </message>
    <message>
        <location filename="../ui/common/statekind.cpp" line="119"/>
        <source>command not found</source>
        <translation>Befehl nicht gefunden</translation>
    </message>
    <message>
        <location filename="../ui/common/statekind.cpp" line="121"/>
        <source>interrupted (SIGINT)</source>
        <translation>unterbrochen (SIGINT)</translation>
    </message>
    <message>
        <location filename="../ui/common/statekind.cpp" line="123"/>
        <source>aborted (SIGABRT)</source>
        <translation>abgebrochen (SIGABRT)</translation>
    </message>
    <message>
        <location filename="../ui/common/statekind.cpp" line="125"/>
        <source>killed (SIGKILL or out of memory)</source>
        <translation>abgeschossen (SIGKILL oder Speicher erschöpft)</translation>
    </message>
    <message>
        <location filename="../ui/common/statekind.cpp" line="127"/>
        <source>crashed (segmentation fault)</source>
        <translation>abgestürzt (Speicherzugriffsfehler)</translation>
    </message>
    <message>
        <location filename="../ui/common/statekind.cpp" line="129"/>
        <source>terminated (SIGTERM)</source>
        <translation>beendet (SIGTERM)</translation>
    </message>
    <message>
        <location filename="../ui/common/statekind.cpp" line="134"/>
        <source>killed by signal %1</source>
        <translation>durch Signal %1 beendet</translation>
    </message>
    <message>
        <location filename="../ui/common/statekind.cpp" line="145"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location filename="../ui/common/statekind.cpp" line="147"/>
        <source>exited (%1) · %2</source>
        <translation>beendet (%1) · %2</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::TerminalArea</name>
    <message>
        <location filename="../ui/terminal/terminalarea.cpp" line="13"/>
        <source>Terminals</source>
        <translation>Terminals</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::TerminalSession</name>
    <message>
        <location filename="../ui/terminal/terminalsession.cpp" line="29"/>
        <source>Terminal of %1</source>
        <translation>Terminal von %1</translation>
    </message>
    <message>
        <location filename="../ui/terminal/terminalsession.cpp" line="32"/>
        <source>Terminal status</source>
        <translation>Terminalstatus</translation>
    </message>
    <message>
        <location filename="../ui/terminal/terminalsession.cpp" line="33"/>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <location filename="../ui/terminal/terminalsession.cpp" line="34"/>
        <source>Reconnect the terminal</source>
        <translation>Terminal neu verbinden</translation>
    </message>
    <message>
        <location filename="../ui/terminal/terminalsession.cpp" line="177"/>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <location filename="../ui/terminal/terminalsession.cpp" line="182"/>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <location filename="../ui/terminal/terminalsession.cpp" line="196"/>
        <source>The container stopped; the session ended.</source>
        <translation>Der Container wurde gestoppt; die Sitzung ist beendet.</translation>
    </message>
    <message>
        <location filename="../ui/terminal/terminalsession.cpp" line="199"/>
        <source>The container restarted; the session ended.</source>
        <translation>Der Container wurde neu gestartet; die Sitzung ist beendet.</translation>
    </message>
    <message>
        <location filename="../ui/terminal/terminalsession.cpp" line="202"/>
        <source>The shell exited with code %1.</source>
        <translation>Die Shell wurde mit Code %1 beendet.</translation>
    </message>
    <message>
        <location filename="../ui/terminal/terminalsession.cpp" line="38"/>
        <source>Terminal scrollback</source>
        <translation>Terminal-Verlauf</translation>
    </message>
    <message>
        <location filename="../ui/terminal/terminalsession.cpp" line="80"/>
        <location filename="../ui/terminal/terminalsession.cpp" line="81"/>
        <source>Find in terminal</source>
        <translation>Im Terminal suchen</translation>
    </message>
    <message>
        <location filename="../ui/terminal/terminalsession.cpp" line="86"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <location filename="../ui/terminal/terminalsession.cpp" line="87"/>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <location filename="../ui/terminal/terminalsession.cpp" line="90"/>
        <source>Next match (Enter)</source>
        <translation>Nächster Treffer (Eingabe)</translation>
    </message>
    <message>
        <location filename="../ui/terminal/terminalsession.cpp" line="91"/>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <location filename="../ui/terminal/terminalsession.cpp" line="93"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/terminal/terminalsession.cpp" line="94"/>
        <source>Close the search (Escape)</source>
        <translation>Suche schließen (Esc)</translation>
    </message>
    <message>
        <location filename="../ui/terminal/terminalsession.cpp" line="95"/>
        <source>Close the search</source>
        <translation>Suche schließen</translation>
    </message>
    <message>
        <location filename="../ui/terminal/terminalsession.cpp" line="97"/>
        <source>Search result</source>
        <translation>Suchergebnis</translation>
    </message>
    <message>
        <location filename="../ui/terminal/terminalsession.cpp" line="140"/>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <location filename="../ui/terminal/terminalsession.cpp" line="138"/>
        <source>Matches: %1</source>
        <translation>Treffer: %1</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::TerminalWidget</name>
    <message>
        <location filename="../ui/terminal/terminalwidget.cpp" line="69"/>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::ThemeManager</name>
    <message>
        <location filename="../ui/common/thememanager.cpp" line="182"/>
        <source>T&amp;heme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <location filename="../ui/common/thememanager.cpp" line="184"/>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <location filename="../ui/common/thememanager.cpp" line="188"/>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <location filename="../ui/common/thememanager.cpp" line="188"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location filename="../ui/common/thememanager.cpp" line="188"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::TopologyLayout</name>
    <message>
        <location filename="../ui/topology/topologylayout.cpp" line="87"/>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <location filename="../ui/topology/topologylayout.cpp" line="89"/>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/topology/topologylayout.cpp" line="91"/>
        <source>started</source>
        <translation>gestartet</translation>
    </message>
    <message>
        <location filename="../ui/topology/topologylayout.cpp" line="191"/>
        <source>Graphviz could not start.</source>
        <translation>Graphviz konnte nicht starten.</translation>
    </message>
    <message>
        <location filename="../ui/topology/topologylayout.cpp" line="192"/>
        <source>Reinstall Graphviz (Debian: apt install graphviz).</source>
        <translation>Installieren Sie Graphviz neu (Debian: apt install graphviz).</translation>
    </message>
    <message>
        <location filename="../ui/topology/topologylayout.cpp" line="197"/>
        <source>Graphviz rejected the graph.</source>
        <translation>Graphviz hat den Graphen abgelehnt.</translation>
    </message>
    <message>
        <location filename="../ui/topology/topologylayout.cpp" line="202"/>
        <source>Graphviz has no &apos;dot&apos; layout plugin.</source>
        <translation>Graphviz hat kein &apos;dot&apos;-Layout-Plugin.</translation>
    </message>
    <message>
        <location filename="../ui/topology/topologylayout.cpp" line="203"/>
        <source>Install the graphviz package, then run &apos;dot -c&apos; as root.</source>
        <translation>Installieren Sie das Paket graphviz und führen Sie dann &apos;dot -c&apos; als root aus.</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::TopologyView</name>
    <message>
        <location filename="../ui/topology/topologyview.cpp" line="454"/>
        <source>Data never backed up: %1</source>
        <translation>Daten nie gesichert: %1</translation>
    </message>
    <message>
        <location filename="../ui/topology/topologyview.cpp" line="311"/>
        <source>Topology</source>
        <translation>Topologie</translation>
    </message>
    <message>
        <location filename="../ui/topology/topologyview.cpp" line="312"/>
        <source>Services with their state, dependencies and networks. Arrow keys move between services, Enter opens one, + and - zoom, F fits.</source>
        <translation>Dienste mit Zustand, Abhängigkeiten und Netzwerken. Pfeiltasten wechseln den Dienst, Eingabe öffnet ihn, + und - zoomen, F passt ein.</translation>
    </message>
    <message>
        <location filename="../ui/topology/topologyview.cpp" line="325"/>
        <source>No service selected</source>
        <translation>Kein Dienst gewählt</translation>
    </message>
    <message>
        <location filename="../ui/topology/topologyview.cpp" line="396"/>
        <source>Network %1</source>
        <translation>Netzwerk %1</translation>
    </message>
    <message>
        <location filename="../ui/topology/topologyview.cpp" line="529"/>
        <source>%1 starts once %2 is healthy</source>
        <translation>%1 startet, sobald %2 gesund ist</translation>
    </message>
    <message>
        <location filename="../ui/topology/topologyview.cpp" line="531"/>
        <source>%1 starts once %2 has completed successfully</source>
        <translation>%1 startet, sobald %2 erfolgreich abgeschlossen ist</translation>
    </message>
    <message>
        <location filename="../ui/topology/topologyview.cpp" line="533"/>
        <source>%1 starts once %2 has started</source>
        <translation>%1 startet, sobald %2 gestartet ist</translation>
    </message>
    <message>
        <location filename="../ui/topology/topologyview.cpp" line="539"/>
        <source>Satisfied now.</source>
        <translation>Jetzt erfüllt.</translation>
    </message>
    <message>
        <location filename="../ui/topology/topologyview.cpp" line="539"/>
        <source>Not satisfied: %1 waits.</source>
        <translation>Nicht erfüllt: %1 wartet.</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::TrayController</name>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="45"/>
        <source>DevDock tray menu</source>
        <translation>DevDock-Menü im Infobereich</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="74"/>
        <location filename="../ui/tray/traycontroller.cpp" line="482"/>
        <source>DevDock</source>
        <translation>DevDock</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="38"/>
        <source>Projects</source>
        <translation>Projekte</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="39"/>
        <source>No projects yet: open one in DevDock</source>
        <translation>Noch keine Projekte: öffnen Sie eines in DevDock</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="41"/>
        <source>Open DevDock</source>
        <translation>DevDock öffnen</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="42"/>
        <source>Quit DevDock</source>
        <translation>DevDock beenden</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="143"/>
        <source>engine unreachable</source>
        <translation>Engine nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="146"/>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="149"/>
        <source>failed to load</source>
        <translation>Laden fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="152"/>
        <source>state not known yet</source>
        <translation>Zustand noch unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="155"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="157"/>
        <source>%1/%2 up</source>
        <translation>%1/%2 laufen</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="159"/>
        <source>%1 unhealthy</source>
        <translation>%1 ungesund</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="162"/>
        <source>%1 starting</source>
        <translation>%1 startet</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="165"/>
        <source>%1 exited</source>
        <translation>%1 beendet</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="368"/>
        <source>Open logs of %1</source>
        <translation>Logs von %1 öffnen</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="371"/>
        <location filename="../ui/tray/traycontroller.cpp" line="450"/>
        <source>Start %1</source>
        <translation>%1 starten</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="374"/>
        <location filename="../ui/tray/traycontroller.cpp" line="451"/>
        <source>Stop %1</source>
        <translation>%1 stoppen</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="377"/>
        <source>Restart %1</source>
        <translation>%1 neu starten</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="439"/>
        <source>The Docker engine is unreachable: start it, then try again.</source>
        <translation>Die Docker-Engine ist nicht erreichbar: Starten Sie sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="449"/>
        <source>Show %1</source>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="449"/>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="461"/>
        <source>Services of %1</source>
        <translation>Dienste von %1</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::TwinDialog</name>
    <message>
        <location filename="../ui/twin/twindialog.cpp" line="73"/>
        <source>Run a branch alongside %1</source>
        <translation>Einen Branch neben %1 starten</translation>
    </message>
    <message>
        <location filename="../ui/twin/twindialog.cpp" line="81"/>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <location filename="../ui/twin/twindialog.cpp" line="83"/>
        <source>A branch or worktree of the repository, or the name of a new branch</source>
        <translation>Ein Branch oder Worktree des Repositorys oder der Name eines neuen Branches</translation>
    </message>
    <message>
        <location filename="../ui/twin/twindialog.cpp" line="84"/>
        <source>&amp;Branch:</source>
        <translation>&amp;Branch:</translation>
    </message>
    <message>
        <location filename="../ui/twin/twindialog.cpp" line="93"/>
        <source>&amp;Run alongside</source>
        <translation>&amp;Daneben starten</translation>
    </message>
    <message>
        <location filename="../ui/twin/twindialog.cpp" line="96"/>
        <source>Tear down the twin %1</source>
        <translation>Den Zwilling %1 abbauen</translation>
    </message>
    <message>
        <location filename="../ui/twin/twindialog.cpp" line="97"/>
        <source>Removes the containers and networks of the twin of %1 on the branch %2. The main stack is not touched.</source>
        <translation>Entfernt die Container und Netzwerke des Zwillings von %1 auf dem Branch %2. Der Haupt-Stack bleibt unberührt.</translation>
    </message>
    <message>
        <location filename="../ui/twin/twindialog.cpp" line="109"/>
        <source>Also remove its &amp;worktree (only when it has no changes)</source>
        <translation>Auch seinen &amp;Worktree entfernen (nur ohne Änderungen)</translation>
    </message>
    <message>
        <location filename="../ui/twin/twindialog.cpp" line="113"/>
        <source>&amp;Tear down</source>
        <translation>&amp;Abbauen</translation>
    </message>
    <message>
        <location filename="../ui/twin/twindialog.cpp" line="122"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../ui/twin/twindialog.cpp" line="144"/>
        <source>Reading the repository&apos;s branches …</source>
        <translation>Die Branches des Repositorys werden gelesen …</translation>
    </message>
    <message>
        <location filename="../ui/twin/twindialog.cpp" line="149"/>
        <source>feature/x</source>
        <translation>feature/x</translation>
    </message>
    <message>
        <location filename="../ui/twin/twindialog.cpp" line="162"/>
        <source>%1 (worktree %2)</source>
        <translation>%1 (Worktree %2)</translation>
    </message>
    <message>
        <location filename="../ui/twin/twindialog.cpp" line="191"/>
        <source>Choose a branch, or type the name of a new one.</source>
        <translation>Einen Branch wählen oder den Namen eines neuen eingeben.</translation>
    </message>
    <message>
        <location filename="../ui/twin/twindialog.cpp" line="74"/>
        <source>The branch runs in its own git worktree (created beside the main checkout when it has none), as its own Compose project on free host ports, with volumes of its own. No checked-in file changes.</source>
        <translation>Der Branch läuft in einem eigenen Git-Worktree (neben dem Haupt-Checkout angelegt, wenn er keinen hat), als eigenes Compose-Projekt auf freien Host-Ports, mit eigenen Volumes. Keine eingecheckte Datei ändert sich.</translation>
    </message>
    <message>
        <location filename="../ui/twin/twindialog.cpp" line="100"/>
        <source>Also remove its &amp;volumes (backed up first)</source>
        <translation>Auch seine &amp;Volumes entfernen (vorher gesichert)</translation>
    </message>
    <message>
        <location filename="../ui/twin/twindialog.cpp" line="104"/>
        <source>Every volume of the twin is backed up first (the Data view and devdockctl restore bring it back); if the backup fails, nothing is removed</source>
        <translation>Jedes Volume des Zwillings wird zuerst gesichert (die Datenansicht und devdockctl restore holen es zurück); schlägt die Sicherung fehl, wird nichts entfernt</translation>
    </message>
    <message>
        <location filename="../ui/twin/twindialog.cpp" line="85"/>
        <source>Clone the &amp;data from the newest backups of %1</source>
        <translation>Daten aus den neuesten Sicherungen von %1 &amp;übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/twin/twindialog.cpp" line="88"/>
        <source>Off: the twin starts with fresh, empty volumes. On: each volume starts as the main checkout&apos;s newest snapshot of it (its volumes are only read from the backups, never touched)</source>
        <translation>Aus: Der Zwilling startet mit frischen, leeren Volumes. An: Jedes Volume beginnt als neuester Snapshot des Haupt-Checkouts (dessen Volumes werden nur aus den Sicherungen gelesen, nie verändert)</translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::WelcomeView</name>
    <message>
        <location filename="../ui/workspace/welcomeview.cpp" line="46"/>
        <source>Open folder…</source>
        <translation>Ordner öffnen …</translation>
    </message>
    <message>
        <location filename="../ui/workspace/welcomeview.cpp" line="49"/>
        <location filename="../ui/workspace/welcomeview.cpp" line="97"/>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/welcomeview.cpp" line="50"/>
        <source>Open a Compose project, a recent one or a running stack</source>
        <translation>Ein Compose-Projekt öffnen, ein zuletzt benutztes oder einen laufenden Stack</translation>
    </message>
    <message>
        <location filename="../ui/workspace/welcomeview.cpp" line="52"/>
        <location filename="../ui/workspace/welcomeview.cpp" line="53"/>
        <source>DevDock</source>
        <translation>DevDock</translation>
    </message>
    <message>
        <location filename="../ui/workspace/welcomeview.cpp" line="58"/>
        <source>Start, watch and debug your Docker Compose projects, all of them in one window.</source>
        <translation>Starten, beobachten und untersuchen Sie Ihre Docker-Compose-Projekte, alle in einem Fenster.</translation>
    </message>
    <message>
        <location filename="../ui/workspace/welcomeview.cpp" line="62"/>
        <source>What DevDock does</source>
        <translation>Was DevDock tut</translation>
    </message>
    <message>
        <location filename="../ui/workspace/welcomeview.cpp" line="66"/>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/welcomeview.cpp" line="68"/>
        <source>Choose a folder with a compose.yaml (or docker-compose.yml)</source>
        <translation>Einen Ordner mit einer compose.yaml (oder docker-compose.yml) wählen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/welcomeview.cpp" line="86"/>
        <source>Recent projects</source>
        <translation>Zuletzt benutzte Projekte</translation>
    </message>
    <message>
        <location filename="../ui/workspace/welcomeview.cpp" line="87"/>
        <source>Running on the engine</source>
        <translation>Laufend auf der Engine</translation>
    </message>
    <message>
        <location filename="../ui/workspace/welcomeview.cpp" line="153"/>
        <source>Adopt %1</source>
        <translation>%1 übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/welcomeview.cpp" line="153"/>
        <location filename="../ui/workspace/welcomeview.cpp" line="157"/>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/welcomeview.cpp" line="156"/>
        <source>Show the running stack %1 (%2) in DevDock</source>
        <translation>Den laufenden Stack %1 (%2) in DevDock anzeigen</translation>
    </message>
</context>
<context>
    <name>DevMode</name>
    <message>
        <location filename="../core/devloop/devmode.cpp" line="70"/>
        <source>%1 is not valid YAML: %2</source>
        <translation>%1 ist kein gültiges YAML: %2</translation>
    </message>
    <message>
        <location filename="../core/devloop/devmode.cpp" line="72"/>
        <source>Fix the dev override file; dev mode uses it.</source>
        <translation>Korrigieren Sie die Dev-Override-Datei; der Dev-Modus verwendet sie.</translation>
    </message>
    <message>
        <location filename="../core/devloop/devmode.cpp" line="97"/>
        <source>%1 has no dev mode configuration.</source>
        <translation>%1 hat keine Dev-Modus-Konfiguration.</translation>
    </message>
    <message>
        <location filename="../core/devloop/devmode.cpp" line="98"/>
        <source>Add its section to docker-compose.dev.yml, or an x-devdock: {dev: {...}} extension to the service.</source>
        <translation>Fügen Sie seinen Abschnitt in docker-compose.dev.yml oder eine x-devdock: {dev: {...}}-Erweiterung am Dienst hinzu.</translation>
    </message>
    <message>
        <location filename="../core/devloop/devmode.cpp" line="129"/>
        <source>Cannot create the folder %1</source>
        <translation>Der Ordner %1 lässt sich nicht anlegen</translation>
    </message>
    <message>
        <location filename="../core/devloop/devmode.cpp" line="130"/>
        <source>Check that DevDock may write to its data folder.</source>
        <translation>Prüfen Sie, ob DevDock in seinen Datenordner schreiben darf.</translation>
    </message>
</context>
<context>
    <name>EnvEditor</name>
    <message>
        <location filename="../core/env/enveditor.cpp" line="46"/>
        <source>Set %1 in %2</source>
        <translation>%1 in %2 setzen</translation>
    </message>
    <message>
        <location filename="../core/env/enveditor.cpp" line="48"/>
        <source>Remove %1 from %2</source>
        <translation>%1 aus %2 entfernen</translation>
    </message>
    <message>
        <location filename="../core/env/enveditor.cpp" line="50"/>
        <source>Move %1 from %2 to %3</source>
        <translation>%1 von %2 nach %3 verschieben</translation>
    </message>
    <message>
        <location filename="../core/env/enveditor.cpp" line="52"/>
        <source>Mark %1 secret</source>
        <translation>%1 als geheim markieren</translation>
    </message>
    <message>
        <location filename="../core/env/enveditor.cpp" line="54"/>
        <source>Mark %1 not secret</source>
        <translation>%1 als nicht geheim markieren</translation>
    </message>
    <message>
        <location filename="../core/env/enveditor.cpp" line="56"/>
        <source>Set secret %1</source>
        <translation>Geheimnis %1 setzen</translation>
    </message>
    <message>
        <location filename="../core/env/enveditor.cpp" line="95"/>
        <source>%1 is not a file of this profile.</source>
        <translation>%1 ist keine Datei dieses Profils.</translation>
    </message>
    <message>
        <location filename="../core/env/enveditor.cpp" line="96"/>
        <source>Choose one of: %1.</source>
        <translation>Wählen Sie eine von: %1.</translation>
    </message>
    <message>
        <location filename="../core/env/enveditor.cpp" line="115"/>
        <location filename="../core/env/enveditor.cpp" line="127"/>
        <source>%1 has no %2.</source>
        <translation>%1 enthält kein %2.</translation>
    </message>
    <message>
        <location filename="../core/env/enveditor.cpp" line="147"/>
        <source>%1 is secret by its name.</source>
        <translation>%1 ist durch seinen Namen geheim.</translation>
    </message>
    <message>
        <location filename="../core/env/enveditor.cpp" line="148"/>
        <source>Keys ending in _PASSWORD, _SECRET, _TOKEN, _API_KEY or _KEY are always secret; rename the key to keep it in a file.</source>
        <translation>Schlüssel, die auf _PASSWORD, _SECRET, _TOKEN, _API_KEY oder _KEY enden, sind immer geheim; benennen Sie den Schlüssel um, um ihn in einer Datei zu halten.</translation>
    </message>
    <message>
        <location filename="../core/env/enveditor.cpp" line="183"/>
        <source>&quot;%1&quot; is not a valid variable name.</source>
        <translation>„%1“ ist kein gültiger Variablenname.</translation>
    </message>
    <message>
        <location filename="../core/env/enveditor.cpp" line="184"/>
        <source>Use letters, digits and underscores, not starting with a digit.</source>
        <translation>Verwenden Sie Buchstaben, Ziffern und Unterstriche, nicht mit einer Ziffer beginnend.</translation>
    </message>
    <message>
        <location filename="../core/env/enveditor.cpp" line="420"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>FileSync</name>
    <message>
        <location filename="../core/devloop/filesync.cpp" line="234"/>
        <source>The watched path %1 does not exist.</source>
        <translation>Der beobachtete Pfad %1 existiert nicht.</translation>
    </message>
    <message>
        <location filename="../core/devloop/filesync.cpp" line="408"/>
        <source>%1: a rebuild rule needs DevDock&apos;s stack control.</source>
        <translation>%1: Eine Rebuild-Regel braucht die Stack-Steuerung von DevDock.</translation>
    </message>
    <message>
        <location filename="../core/devloop/filesync.cpp" line="434"/>
        <source>The engine is not reachable: %1</source>
        <translation>Die Engine ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <location filename="../core/devloop/filesync.cpp" line="449"/>
        <source>%1 is not running: sync paused, changes are kept.</source>
        <translation>%1 läuft nicht: Sync angehalten, Änderungen bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../core/devloop/filesync.cpp" line="520"/>
        <source>Cannot create %1 in the container.</source>
        <translation>%1 kann im Container nicht erstellt werden.</translation>
    </message>
    <message>
        <location filename="../core/devloop/filesync.cpp" line="541"/>
        <source>Deleting in the container failed: %1</source>
        <translation>Löschen im Container fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../core/devloop/filesync.cpp" line="543"/>
        <source>The container needs an rm command for deletions.</source>
        <translation>Der Container braucht für Löschungen einen rm-Befehl.</translation>
    </message>
    <message>
        <location filename="../core/devloop/filesync.cpp" line="598"/>
        <source>Not followed (outside the watched folder): %1</source>
        <translation>Nicht verfolgt (außerhalb des beobachteten Ordners): %1</translation>
    </message>
</context>
<context>
    <name>Onboarding</name>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="38"/>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="159"/>
        <source>Docker engine reachable</source>
        <translation>Docker-Engine erreichbar</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="160"/>
        <source>Docker Compose v2 present</source>
        <translation>Docker Compose v2 vorhanden</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="161"/>
        <source>Enough free disk space</source>
        <translation>Genug freier Speicherplatz</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="162"/>
        <source>Enough memory for the engine</source>
        <translation>Genug Arbeitsspeicher für die Engine</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="163"/>
        <source>Published ports free</source>
        <translation>Veröffentlichte Ports frei</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="164"/>
        <source>Environment and secrets ready</source>
        <translation>Umgebung und Geheimnisse bereit</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="165"/>
        <source>Images present</source>
        <translation>Images vorhanden</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="166"/>
        <source>Stack started in dependency order</source>
        <translation>Stack in Abhängigkeitsreihenfolge gestartet</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="167"/>
        <source>Every service up and healthy</source>
        <translation>Jeder Dienst läuft und ist gesund</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="168"/>
        <source>Frontend URL</source>
        <translation>Frontend-URL</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="314"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="314"/>
        <source>Run the onboarding again to continue from here.</source>
        <translation>Führen Sie die Einrichtung erneut aus, um von hier fortzufahren.</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="410"/>
        <source>Start the Docker engine (sudo systemctl start docker, or start Docker Desktop) and retry.</source>
        <translation>Starten Sie die Docker-Engine (sudo systemctl start docker oder Docker Desktop) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="418"/>
        <source>Docker %1 at %2</source>
        <translation>Docker %1 unter %2</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="430"/>
        <source>Neither &quot;docker compose&quot; nor &quot;docker-compose&quot; was found.</source>
        <translation>Weder „docker compose“ noch „docker-compose“ wurde gefunden.</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="431"/>
        <source>Install the Compose v2 plugin (Debian: apt install docker-compose from trixie; elsewhere: docker-compose-plugin) and retry.</source>
        <translation>Installieren Sie das Compose-v2-Plugin (Debian: apt install docker-compose aus trixie; sonst: docker-compose-plugin) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="434"/>
        <source>Compose %1 is version 1.</source>
        <translation>Compose %1 ist Version 1.</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="435"/>
        <source>Install Compose v2: version 1 is no longer maintained.</source>
        <translation>Installieren Sie Compose v2: Version 1 wird nicht mehr gepflegt.</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="437"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="454"/>
        <source>%1 free at %2</source>
        <translation>%1 frei unter %2</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="456"/>
        <source>Only %1 free at %2; %3 needed.</source>
        <translation>Nur %1 frei unter %2; %3 nötig.</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="458"/>
        <source>Free some space (docker system prune removes unused images and build cache) and retry.</source>
        <translation>Schaffen Sie Platz (docker system prune entfernt unbenutzte Images und Build-Cache) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="473"/>
        <source>The engine has %1 of memory; %2 needed.</source>
        <translation>Die Engine hat %1 Arbeitsspeicher; %2 nötig.</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="475"/>
        <source>Give the engine more memory (Docker Desktop: Settings, Resources) and retry.</source>
        <translation>Geben Sie der Engine mehr Arbeitsspeicher (Docker Desktop: Einstellungen, Ressourcen) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="479"/>
        <source>%1 for the engine</source>
        <translation>%1 für die Engine</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/onboarding/onboarding.cpp" line="554"/>
        <source>%n port(s) free</source>
        <translation>
            <numerusform>%n Port frei</numerusform>
            <numerusform>%n Ports frei</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="636"/>
        <source>No .env.example: nothing to prepare.</source>
        <translation>Keine .env.example: nichts vorzubereiten.</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="660"/>
        <source>Unlock or install a keychain (GNOME Keyring, KWallet, macOS Keychain) and retry.</source>
        <translation>Entsperren oder installieren Sie einen Schlüsselbund (GNOME Keyring, KWallet, macOS-Schlüsselbund) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="712"/>
        <source>Secrets not set: %1.</source>
        <translation>Nicht gesetzte Geheimnisse: %1.</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="713"/>
        <source>Run the onboarding (devdockctl onboard, or Onboarding in DevDock): it generates what it can into the keychain and asks for the rest.</source>
        <translation>Führen Sie die Einrichtung aus (devdockctl onboard oder Einrichtung in DevDock): Sie erzeugt, was sie kann, in den Schlüsselbund und fragt nach dem Rest.</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/onboarding/onboarding.cpp" line="718"/>
        <source>%n secret(s) in the keychain</source>
        <translation>
            <numerusform>%n Geheimnis im Schlüsselbund</numerusform>
            <numerusform>%n Geheimnisse im Schlüsselbund</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="725"/>
        <source>Needs a value for %1.</source>
        <translation>Braucht einen Wert für %1.</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="727"/>
        <source>These cannot be generated: enter them (they go to the keychain).</source>
        <translation>Diese können nicht erzeugt werden: Geben Sie sie ein (sie kommen in den Schlüsselbund).</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="734"/>
        <source>generated into the keychain: %1</source>
        <translation>in den Schlüsselbund erzeugt: %1</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="738"/>
        <source>stored in the keychain: %1</source>
        <translation>im Schlüsselbund gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="706"/>
        <location filename="../core/onboarding/onboarding.cpp" line="749"/>
        <source>Every key is set.</source>
        <translation>Jeder Schlüssel ist gesetzt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/onboarding/onboarding.cpp" line="796"/>
        <source>All %n image(s) present</source>
        <translation>
            <numerusform>Das Image ist vorhanden</numerusform>
            <numerusform>Alle %n Images vorhanden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="802"/>
        <source>to build: %1</source>
        <translation>zu bauen: %1</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="805"/>
        <source>to pull: %1</source>
        <translation>zu laden: %1</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="842"/>
        <source>Check the network and the registry login (docker login), or build the image locally.</source>
        <translation>Prüfen Sie das Netzwerk und die Registry-Anmeldung (docker login) oder bauen Sie das Image lokal.</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="852"/>
        <source>built: %1</source>
        <translation>gebaut: %1</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="855"/>
        <source>pulled: %1</source>
        <translation>geladen: %1</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="890"/>
        <source>Started in order: %1</source>
        <translation>In dieser Reihenfolge gestartet: %1</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="911"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/onboarding/onboarding.cpp" line="916"/>
        <source>%n service(s) up</source>
        <translation>
            <numerusform>%n Dienst läuft</numerusform>
            <numerusform>%n Dienste laufen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="919"/>
        <source>Waiting for %1</source>
        <translation>Warte auf %1</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="923"/>
        <source>Not healthy after %1 s: %2</source>
        <translation>Nach %1 s nicht gesund: %2</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="926"/>
        <source>Open the service&apos;s logs and health checks in DevDock (or devdockctl logs SERVICE), fix it, and retry.</source>
        <translation>Öffnen Sie Logs und Health-Checks des Dienstes in DevDock (oder devdockctl logs DIENST), beheben Sie den Fehler und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="946"/>
        <source>The stack publishes no http port.</source>
        <translation>Der Stack veröffentlicht keinen HTTP-Port.</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="245"/>
        <source>Will start, in this order: %1</source>
        <translation>Startet in dieser Reihenfolge: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/onboarding/onboarding.cpp" line="248"/>
        <source>Will wait up to %n s for every service</source>
        <translation>
            <numerusform>Wartet bis zu %n s auf jeden Dienst</numerusform>
            <numerusform>Wartet bis zu %n s auf jeden Dienst</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="469"/>
        <source>Unknown: the engine did not answer.</source>
        <translation>Unbekannt: Die Engine hat nicht geantwortet.</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="564"/>
        <source>.env.local overrides every profile for %1</source>
        <translation>.env.local überschreibt jedes Profil bei %1</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="572"/>
        <source>.env.local would be created with %1</source>
        <translation>.env.local würde angelegt mit %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/onboarding/onboarding.cpp" line="578"/>
        <source>.env.local has %n change(s) to review</source>
        <translation>
            <numerusform>.env.local: %n Änderung zu prüfen</numerusform>
            <numerusform>.env.local: %n Änderungen zu prüfen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="587"/>
        <source>.env.local exists: review the proposed change.</source>
        <translation>.env.local existiert: Prüfen Sie die vorgeschlagene Änderung.</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="588"/>
        <source>Accept it, or Skip to keep the file as it is.</source>
        <translation>Übernehmen Sie sie, oder überspringen Sie sie, um die Datei zu behalten.</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/onboarding/onboarding.cpp" line="596"/>
        <source>.env.local kept as it is (%n change(s) not applied)</source>
        <translation>
            <numerusform>.env.local unverändert (%n Änderung nicht übernommen)</numerusform>
            <numerusform>.env.local unverändert (%n Änderungen nicht übernommen)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="607"/>
        <source>No .env.local in the profile.</source>
        <translation>Keine .env.local im Profil.</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="618"/>
        <source>.env.local created with %1</source>
        <translation>.env.local angelegt mit %1</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="619"/>
        <source>.env.local updated</source>
        <translation>.env.local aktualisiert</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="700"/>
        <source>will generate into the keychain: %1</source>
        <translation>erzeugt im Schlüsselbund: %1</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="704"/>
        <source>will ask for: %1</source>
        <translation>fragt nach: %1</translation>
    </message>
    <message>
        <location filename="../core/onboarding/onboarding.cpp" line="251"/>
        <source>Will open the frontend in the browser</source>
        <translation>Öffnet das Frontend im Browser</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/logs/logview.cpp" line="35"/>
        <source>%1 … (%2 MB in all; double-click to see the whole line)</source>
        <translation>%1 … (%2 MB insgesamt; Doppelklick zeigt die ganze Zeile)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/devdock/main.cpp" line="110"/>
        <source>A desktop manager for Docker Compose projects.</source>
        <translation>Eine Desktop-Verwaltung für Docker-Compose-Projekte.</translation>
    </message>
    <message>
        <location filename="../app/devdock/main.cpp" line="115"/>
        <source>Open the Compose project in DIR (default: the last one).</source>
        <translation>Das Compose-Projekt in DIR öffnen (Standard: das zuletzt geöffnete).</translation>
    </message>
    <message>
        <location filename="../app/devdock/main.cpp" line="145"/>
        <source>The Compose project to open (as --project-directory).</source>
        <translation>Das zu öffnende Compose-Projekt (wie --project-directory).</translation>
    </message>
    <message>
        <location filename="../app/devdock/main.cpp" line="119"/>
        <source>Load the project, wait until its live state is known and the graph laid out, save the window to FILE and exit.</source>
        <translation>Das Projekt laden, warten, bis sein Zustand bekannt und der Graph angeordnet ist, das Fenster als FILE speichern und beenden.</translation>
    </message>
    <message>
        <location filename="../app/devdock/main.cpp" line="124"/>
        <source>Seconds to wait for --screenshot (default 60).</source>
        <translation>Sekunden, die --screenshot wartet (Standard 60).</translation>
    </message>
    <message>
        <location filename="../app/devdock/main.cpp" line="128"/>
        <source>With --screenshot: the view to show first (topology, services, ports, containers, logs, environment), or onboarding to save the onboarding dialog with its plan.</source>
        <translation>Mit --screenshot: die zuerst gezeigte Ansicht (topology, services, ports, containers, logs, environment), oder onboarding, um den Einrichtungsdialog mit seinem Plan zu speichern.</translation>
    </message>
    <message>
        <location filename="../app/devdock/main.cpp" line="134"/>
        <source>Use the theme T (system, light, dark) this time, without changing the one chosen in View &gt; Theme.</source>
        <translation>Dieses Mal das Farbschema T (system, light, dark) verwenden, ohne das unter Ansicht &gt; Farbschema gewählte zu ändern.</translation>
    </message>
    <message>
        <location filename="../app/devdock/main.cpp" line="139"/>
        <source>Open the window at WIDTHxHEIGHT pixels (e.g. 1366x768).</source>
        <translation>Das Fenster mit BREITExHÖHE Pixeln öffnen (z. B. 1366x768).</translation>
    </message>
</context>
</TS>
