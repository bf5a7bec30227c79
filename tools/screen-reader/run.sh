#!/usr/bin/env bash
# Runs Butin's main jobs under a real screen reader: Orca (GNOME's) on a virtual X display, reading
# Chromium through AT-SPI, and keeps what Orca said. On demand only (not in `npm test`): it needs
# Debian's packages, installed once as root:
#   apt-get install -y orca xvfb at-spi2-core dbus-x11 speech-dispatcher espeak-ng python3-pyatspi chromium
# and a Butin serving the demo at BASE_URL (e.g. `PORT=3100 npm start` in another terminal).
#   BASE_URL=http://localhost:3100 bash tools/screen-reader/run.sh [output-folder]
# Writes orca-debug.log (everything Orca did), spoken.txt (what it said, in order), atspi-events.txt
# (the live-region and focus events Chromium sent) and drive.log into the output folder.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$(mkdir -p "${1:-/tmp/butin-screen-reader}" && cd "${1:-/tmp/butin-screen-reader}" && pwd)"
display="${SR_DISPLAY:-:97}"
export BASE_URL="${BASE_URL:-http://localhost:3000}"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
pids+=($!)
export DISPLAY="$display"
sleep 1
# A session bus of our own, and the accessibility bus on it; Chromium and GTK apps find both there.
eval "$(dbus-launch --sh-syntax)"
pids+=("$DBUS_SESSION_BUS_PID")
export NO_AT_BRIDGE=0 ACCESSIBILITY_ENABLED=1 GTK_MODULES=gail:atk-bridge
/usr/libexec/at-spi-bus-launcher --launch-immediately >"$out/at-spi.log" 2>&1 &
pids+=($!)
sleep 1
# speech-dispatcher with one output module of our own: sd_generic writing each utterance it is
# asked to speak into speech-dispatcher.txt instead of a sound card. There is none here: espeak-ng
# through PulseAudio failed to open its audio, and Orca then hung waiting for speech-dispatcher.
# The module's own audio (sound icons) goes to libao's null driver.
conf="$out/speechd"
mkdir -p "$conf/modules" "$out/speechd-home"
echo "default_driver=null" >"$out/speechd-home/.libao"
cat >"$conf/speechd.conf" <<CONF
LogLevel 3
LogDir "$out"
AudioOutputMethod "libao"
AddModule "transcript" "sd_generic" "transcript.conf"
DefaultModule transcript
DefaultLanguage "fr"
CONF
cat >"$conf/modules/transcript.conf" <<CONF
GenericExecuteSynth "echo \\'\$DATA\\' >> $out/speech-dispatcher.txt"
GenericLanguage "fr" "fr" "utf-8"
GenericLanguage "en" "en" "utf-8"
AddVoice "fr" "MALE1" "fr"
AddVoice "en" "MALE1" "en"
CONF
: >"$out/speech-dispatcher.txt"
HOME="$out/speechd-home" speech-dispatcher --run-single --timeout 0 -c unix_socket -S "$out/speechd.sock" -P "$out/speechd.pid" -C "$conf" >"$out/speechd.log" 2>&1 &
pids+=($!)
export SPEECHD_ADDRESS="unix_socket:$out/speechd.sock"
sleep 1
# Orca with its default settings; its debug log records every utterance (SPEECH OUTPUT: '…').
orca --replace --debug-file="$out/orca-debug.log" >"$out/orca.log" 2>&1 &
pids+=($!)
/usr/bin/python3 "$here/listen.py" >"$out/atspi-events.txt" 2>"$out/listen.log" &
pids+=($!)
sleep 8
node "$here/drive.mjs" 2>&1 | tee "$out/drive.log"
sleep 5
# What Orca said, in order (its debug log writes each utterance as SPEECH OUTPUT: '…').
grep -a "SPEECH OUTPUT" "$out/orca-debug.log" | sed -E "s/^.*SPEECH OUTPUT: //" >"$out/spoken.txt" || true
echo "Orca said $(wc -l <"$out/spoken.txt") things ($out/spoken.txt); speech-dispatcher received $(wc -l <"$out/speech-dispatcher.txt") lines ($out/speech-dispatcher.txt)"
