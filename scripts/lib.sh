# Shared set-up for scripts/main.sh and scripts/test.sh. Sourced, not run.
# Every step checks before it acts, so running it again changes nothing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
GATEWAY_VENV="$ROOT/.venv-gateway"
OUTPUT="$ROOT/output"
BINARY="$ROOT/.build/release/regula"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# Debian packages the build and the tests need.
# chromium and chromium-driver render charts and drive JupyterLab in the browser tests;
# fonts-dejavu-core gives the headless browser glyphs for λ, ‖β‖₁ and subscripts.
APT_PACKAGES=(libzmq3-dev libopenblas-dev pkg-config python3 python3-venv python3-pip ca-certificates chromium chromium-driver fonts-dejavu-core)

ensure_apt_packages() {
    local missing=()
    for package in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null || fail "missing packages (${missing[*]}) and no apt-get to install them: this needs Debian or Ubuntu"
    [ "$(id -u)" -eq 0 ] || fail "missing packages (${missing[*]}): run as root, or install them with apt-get first"
    say "Installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || fail "apt-get update failed: check the network or the apt sources"
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || fail "apt-get install ${missing[*]} failed"
}

ensure_swift() {
    if ! command -v swift >/dev/null; then
        [ -x /opt/swift/usr/bin/swift ] && export PATH="/opt/swift/usr/bin:$PATH"
    fi
    command -v swift >/dev/null || fail "no Swift toolchain found: install Swift 6 and put 'swift' on PATH (looked on PATH and in /opt/swift/usr/bin)"
}

# A virtual environment with pinned packages: make_venv DIR REQUIREMENTS. Rebuilt only when the
# requirements file changes (its hash is stamped into DIR).
make_venv() {
    local venv="$1" requirements="$2"
    local name="${venv#"$ROOT"/}" file="${requirements#"$ROOT"/}"
    local stamp="$venv/.requirements.sha256"
    local wanted
    wanted="$(sha256sum "$requirements" | cut -d' ' -f1)"
    if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
        return 0
    fi
    say "Creating the Python environment in $name"
    local python
    python="$(command -v python3)" || fail "python3 not found"
    "$python" -m venv "$venv" 2>/dev/null || /usr/bin/python3 -m venv "$venv" || fail "cannot create a virtual environment in $name (python3-venv is needed)"
    "$venv/bin/python" -m pip install -q --upgrade pip || fail "cannot upgrade pip in $name"
    "$venv/bin/python" -m pip install -q -r "$requirements" || fail "pip install of $file into $name failed"
    echo "$wanted" > "$stamp"
}

ensure_venv() {
    make_venv "$VENV" "$ROOT/scripts/requirements.txt"
}

# Jupyter Enterprise Gateway, for the remote-kernel test, in an environment of its own: its
# jupyter_client and pyzmq conflict with the pins of requirements.txt.
ensure_gateway_venv() {
    make_venv "$GATEWAY_VENV" "$ROOT/scripts/requirements-gateway.txt"
    [ -x "$GATEWAY_VENV/bin/jupyter-enterprisegateway" ] \
        || fail "$GATEWAY_VENV has no jupyter-enterprisegateway: delete $GATEWAY_VENV and run again"
}

# The papermill translator (python/) in .venv; reinstalled only when python/ changes.
ensure_papermill_translator() {
    local stamp="$VENV/.regula-papermill.sha256"
    local wanted
    wanted="$(cd "$ROOT" && find python scripts/requirements.txt -type f ! -path '*/__pycache__/*' ! -path '*.egg-info/*' ! -path 'python/build/*' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
        return 0
    fi
    say "Installing the papermill translator (python/) in .venv"
    # A copy, so the build leaves nothing (build/, *.egg-info) in the work tree.
    local copy
    copy="$(mktemp -d)"
    cp -r "$ROOT/python/." "$copy"
    "$VENV/bin/python" -m pip install -q --no-deps --no-build-isolation --force-reinstall "$copy" \
        || { rm -rf "$copy"; fail "pip install of python/ (the papermill translator) failed"; }
    rm -rf "$copy"
    echo "$wanted" > "$stamp"
}

# libzmq's pkg-config flags name a krb5 include folder that SwiftPM refuses; the warning is noise.
quiet_build_output() { sed -e '/prohibited flag(s)/d' -e '/the use of .mktemp. is dangerous/d' -e '/^\[[0-9]*\/[0-9]*\]/d' -e "/Source files for target/d"; }

# The Swift runtime is linked statically: the kernel then starts faster, needs no Swift
# libraries at run time, and its resident memory counts only the code it uses.
build_release() {
    say "Building regula (release)"
    (cd "$ROOT" && swift build -c release --static-swift-stdlib 2>&1 | quiet_build_output) \
        || fail "swift build -c release failed (see the errors above)"
    [ -x "$BINARY" ] || fail "the release build did not produce $BINARY"
}

register_kernel() {
    say "Registering the Regula kernel in .venv"
    "$BINARY" install --prefix "$VENV" >/dev/null || fail "regula install failed"
    "$VENV/bin/jupyter" kernelspec list | grep -q "regula" || fail "jupyter kernelspec list does not show regula"
}

setup_all() {
    ensure_apt_packages
    ensure_swift
    ensure_venv
    ensure_papermill_translator
    build_release
    register_kernel
}
