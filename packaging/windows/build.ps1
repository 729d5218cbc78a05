# Build the Windows app folder (dist\inspector\inspector.exe) and its installer
# (dist\inspector-setup-VERSION.exe). Run from PowerShell on Windows 10/11 with Python 3.11
# (python.org installer, "py" launcher) and Inno Setup 6 (https://jrsoftware.org/isinfo.php):
#
#     powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
#
# Not tested on the project's machines, which run Linux only (see README, "Install").
$ErrorActionPreference = "Stop"
Set-Location (Resolve-Path (Join-Path $PSScriptRoot "..\.."))

function Run($exe, [string[]]$arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { throw "$exe $($arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

# A build environment of its own, apart from any development .venv
if (-not (Test-Path .venv-build\Scripts\python.exe)) { Run py @("-3.11", "-m", "venv", ".venv-build") }
$python = ".venv-build\Scripts\python.exe"
Run $python @("-m", "pip", "install", "--upgrade", "pip")
Run $python @("-m", "pip", "install", "-e", ".[build]")

# The same spec as on Linux: packaging\inspector.spec
Run $python @("packaging\build.py")

# The built program answers without Python
$env:INSPECTOR_DATA_DIR = Join-Path $env:TEMP "inspector-smoke"
Run "dist\inspector\inspector.exe" @("--version")
Run "dist\inspector\inspector.exe" @("checklists", "validate")
Remove-Item Env:INSPECTOR_DATA_DIR
Remove-Item -Recurse -Force (Join-Path $env:TEMP "inspector-smoke") -ErrorAction SilentlyContinue

# The installer
$version = (& $python -c "import inspector; print(inspector.__version__)").Trim()
$iscc = Get-Command iscc.exe -ErrorAction SilentlyContinue
if ($iscc) { $iscc = $iscc.Source } else { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
if (-not (Test-Path $iscc)) { throw "Inno Setup 6 (ISCC.exe) not found: install it, or add it to PATH" }
Run $iscc @("/DAppVersion=$version", "packaging\windows\inspector.iss")
Write-Host "Built dist\inspector-setup-$version.exe"
