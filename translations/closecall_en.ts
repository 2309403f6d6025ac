<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>closecall::ui::ConnectionActions</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform><numerusform>%1 and %n more</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Acts on %n connections: %1.</source>
        <translation>
            <numerusform>Acts on %n connection: %1.</numerusform><numerusform>Acts on %n connections: %1.</numerusform></translation>
    </message>
</context>
<context>
    <name>closecall::ui::LogPane</name>
    <message numerus="yes">
        <source>Events: %n kind(s)</source>
        <translation>
            <numerusform>Events: %n kind</numerusform><numerusform>Events: %n kinds</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln event</numerusform><numerusform>%Ln events</numerusform></translation>
    </message>
</context>
<context>
    <name>closecall::ui::MainWindow</name>
    <message numerus="yes">
        <source>Sent %n byte(s) to %1</source>
        <translation>
            <numerusform>Sent %n byte to %1</numerusform><numerusform>Sent %n bytes to %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s)</source>
        <translation>
            <numerusform>Copied %n row</numerusform><numerusform>Copied %n rows</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1</source>
        <translation>
            <numerusform>Exported %n event to %1</numerusform><numerusform>Exported %n events to %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n connection(s) to %1</source>
        <translation>
            <numerusform>Exported %n connection to %1</numerusform><numerusform>Exported %n connections to %1</numerusform></translation>
    </message>
</context>
<context>
    <name>closecall::ui::SendPanel</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform><numerusform>%n bytes</numerusform></translation>
    </message>
</context>
<context>
    <name>closecall::ui::StatusLine</name>
    <message numerus="yes">
        <source>Log: %Ln event(s)</source>
        <translation>
            <numerusform>Log: %Ln event</numerusform><numerusform>Log: %Ln events</numerusform></translation>
    </message>
</context>
</TS>