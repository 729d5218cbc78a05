; Inno Setup 6 script: the Windows installer for the app folder dist\inspector\.
; Built by packaging\windows\build.ps1 (which passes /DAppVersion=...). Not tested on the
; project's machines, which run Linux only.
;
; Installs for the current user (no administrator needed) into
; %LOCALAPPDATA%\Programs\Inspector, with a Start-menu entry. The data - the database, backups,
; photos, logs - lives apart in the user's data folder (%LOCALAPPDATA%\Inspector\Inspector):
; an update replaces the program files only, and uninstalling leaves the data in place.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{5C8E2F4A-9B1D-4E7A-A3C6-2D0F8B9E1A47}
AppName=Inspector
AppVersion={#AppVersion}
AppVerName=Inspector {#AppVersion}
AppPublisher=Inspector
DefaultDirName={autopf}\Inspector
DefaultGroupName=Inspector
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=inspector-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\inspector.ico
UninstallDisplayIcon={app}\inspector.exe
UninstallDisplayName=Inspector
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; An open copy of Inspector is asked to close before its files are replaced
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the bundled libraries whole, so no file of an older version lingers.
; Only the program folder: the data folder is elsewhere and never listed here.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\inspector\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Inspector"; Filename: "{app}\inspector.exe"; WorkingDir: "{app}"
Name: "{group}\Inspector (demo)"; Filename: "{app}\inspector.exe"; Parameters: "--demo"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,Inspector}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Inspector"; Filename: "{app}\inspector.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\inspector.exe"; Description: "{cm:LaunchProgram,Inspector}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entries: uninstalling removes only what was installed above, never the
; user's data folder.
