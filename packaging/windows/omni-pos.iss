; Inno Setup 6 script of the till for Windows store PCs (not built here: see
; .github/workflows/windows-build.yml, which builds it on a Windows runner).
;   iscc /DAppVersion=0.1.0 packaging\windows\omni-pos.iss
; takes build\dist\pos-app\ (PyInstaller one-folder build, packaging\pos-app.spec) and gives
; build\omni-pos-till-<version>-setup.exe.
;
; Interactive: installs to Program Files; the first start opens the setup wizard.
; Scripted roll-out (as the till's Windows user, so the data and the device token land in that
; user's own folder, %LOCALAPPDATA%\omni-pos, readable by that user only):
;   omni-pos-till-0.1.0-setup.exe /VERYSILENT /SERVER=https://pos.example.com /CODE=K7Q2M9XD [/CACERT=C:\ca.pem]
; runs `pos-app-cli --provision` after installing and fails the install if provisioning fails.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{5B8E4C1A-6F7D-4E8B-9C2A-0D3F1E7A9B64}
AppName=Omni POS
AppVersion={#AppVersion}
AppPublisher=Omni POS
DefaultDirName={autopf}\Omni POS
DefaultGroupName=Omni POS
DisableProgramGroupPage=yes
OutputDir=..\..\build
OutputBaseFilename=omni-pos-till-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
; An upgrade replaces the program folder; the till's data (another folder) is never touched.
CloseApplications=yes
UninstallDisplayIcon={app}\pos-app.exe

[Languages]
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\build\dist\pos-app\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Omni POS"; Filename: "{app}\pos-app.exe"
Name: "{autodesktop}\Omni POS"; Filename: "{app}\pos-app.exe"
Name: "{autoprograms}\Omni POS self-test"; Filename: "{cmd}"; Parameters: "/k ""{app}\pos-app-cli.exe"" --self-test"

[Run]
Filename: "{app}\pos-app-cli.exe"; \
  Parameters: "--provision --server ""{param:SERVER}"" --enrol ""{param:CODE}"" {code:CaCertArgument}"; \
  StatusMsg: "Setting up the till…"; Flags: runasoriginaluser runhidden waituntilterminated; \
  Check: WantsProvisioning; AfterInstall: CheckProvisioned
Filename: "{app}\pos-app.exe"; Description: "Start Omni POS"; \
  Flags: postinstall nowait skipifsilent runasoriginaluser

[Code]
function WantsProvisioning(): Boolean;
begin
  Result := (ExpandConstant('{param:SERVER}') <> '') and (ExpandConstant('{param:CODE}') <> '');
end;

function CaCertArgument(Param: String): String;
begin
  Result := '';
  if ExpandConstant('{param:CACERT}') <> '' then
    Result := '--ca-cert "' + ExpandConstant('{param:CACERT}') + '"';
end;

procedure CheckProvisioned();
var
  Code: Integer;
begin
  { --self-test exits 0 only when the till is enrolled, its database sound and the server answers }
  if Exec(ExpandConstant('{app}\pos-app-cli.exe'), '--self-test', '', SW_HIDE, ewWaitUntilTerminated, Code)
     and (Code <> 0) then
    MsgBox('The till was installed but its self-test failed (exit ' + IntToStr(Code) +
           '): run "Omni POS self-test" from the Start menu to see why.', mbError, MB_OK);
end;
