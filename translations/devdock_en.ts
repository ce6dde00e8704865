<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DevDock::Ui::DataPanel</name>
    <message numerus="yes">
        <source>Backed up %n volume(s).</source>
        <translation>
            <numerusform>Backed up %n volume.</numerusform>
            <numerusform>Backed up %n volumes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n volume(s) never backed up.</source>
        <translation>
            <numerusform>%n volume never backed up.</numerusform>
            <numerusform>%n volumes never backed up.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Backed up every %n hour(s) while the stack runs.</source>
        <translation>
            <numerusform>Backed up every hour while the stack runs.</numerusform>
            <numerusform>Backed up every %n hours while the stack runs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::DataVolumeModel</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::EnvEditorPanel</name>
    <message numerus="yes">
        <source>%n secret(s) to store in the keychain</source>
        <translation>
            <numerusform>%n secret to store in the keychain</numerusform>
            <numerusform>%n secrets to store in the keychain</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::LogPanel</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::MainWindow</name>
    <message numerus="yes">
        <source>%n required variable(s) not set: %1. The stack cannot start until they are.</source>
        <translation>
            <numerusform>%n required variable not set: %1. The stack cannot start until they are.</numerusform>
            <numerusform>%n required variables not set: %1. The stack cannot start until they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The environment of %n running service(s) changed: %1. Recreate them to use it?</source>
        <translation>
            <numerusform>The environment of %n running service changed: %1. Recreate it to use it?</numerusform>
            <numerusform>The environment of %n running services changed: %1. Recreate them to use it?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Profiles · %n hidden</source>
        <translation>
            <numerusform>Profiles · %n hidden</numerusform>
            <numerusform>Profiles · %n hidden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::OnboardingDialog</name>
    <message numerus="yes">
        <source>This is the plan; nothing has been written yet. %n check(s) failed: fix them (see below), then press Start.</source>
        <translation>
            <numerusform>This is the plan; nothing has been written yet. %n check failed: fix them (see below), then press Start.</numerusform>
            <numerusform>This is the plan; nothing has been written yet. %n checks failed: fix them (see below), then press Start.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>DevDock needs %n value(s) it cannot generate. They go to the keychain, never into a file.</source>
        <translation>
            <numerusform>DevDock needs %n value it cannot generate. They go to the keychain, never into a file.</numerusform>
            <numerusform>DevDock needs %n values it cannot generate. They go to the keychain, never into a file.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::ProjectListModel</name>
    <message numerus="yes">
        <source>%n unhealthy</source>
        <translation>
            <numerusform>%n unhealthy</numerusform>
            <numerusform>%n unhealthy</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n exited</source>
        <translation>
            <numerusform>%n exited</numerusform>
            <numerusform>%n exited</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n exited unexpectedly</source>
        <translation>
            <numerusform>%n exited unexpectedly</numerusform>
            <numerusform>%n exited unexpectedly</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n starting</source>
        <translation>
            <numerusform>%n starting</numerusform>
            <numerusform>%n starting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::ServiceDetailsPanel</name>
    <message numerus="yes">
        <source>%n exited</source>
        <translation>
            <numerusform>%n exited</numerusform>
            <numerusform>%n exited</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n restart(s)</source>
        <translation>
            <numerusform>%n restart</numerusform>
            <numerusform>%n restarts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DevDock::Ui::ServiceListModel</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Onboarding</name>
    <message numerus="yes">
        <source>Will wait up to %n s for every service</source>
        <translation>
            <numerusform>Will wait up to %n s for every service</numerusform>
            <numerusform>Will wait up to %n s for every service</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n port(s) free</source>
        <translation>
            <numerusform>%n port free</numerusform>
            <numerusform>%n ports free</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>.env.local has %n change(s) to review</source>
        <translation>
            <numerusform>.env.local has %n change to review</numerusform>
            <numerusform>.env.local has %n changes to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>.env.local kept as it is (%n change(s) not applied)</source>
        <translation>
            <numerusform>.env.local kept as it is (%n change not applied)</numerusform>
            <numerusform>.env.local kept as it is (%n changes not applied)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n secret(s) in the keychain</source>
        <translation>
            <numerusform>%n secret in the keychain</numerusform>
            <numerusform>%n secrets in the keychain</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n image(s) present</source>
        <translation>
            <numerusform>All %n image present</numerusform>
            <numerusform>All %n images present</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) up</source>
        <translation>
            <numerusform>%n service up</numerusform>
            <numerusform>%n services up</numerusform>
        </translation>
    </message>
</context>
</TS>
