#!/usr/bin/env bash
# Makes the demo recording: an Acme Insights webinar of about twenty minutes ("Reporting that people read"), spoken by
# espeak-ng (synthetic speech) from tools/demo-recording/reporting-that-people-read.md, one sentence at a time, with
# pauses between paragraphs and longer ones between topics. Writes the audio (Ogg Opus, mono, low bitrate, under 3 MB)
# and its WebVTT transcript, one cue a sentence timed from the speech's real durations, to
# src/main/resources/demo/recordings/. The demo seeding cuts it into lesson drafts (authoring's DemoRecording).
# Needs: apt-get install ffmpeg espeak-ng. Prints the recording's length.
set -euo pipefail
cd "$(dirname "$0")/.."
script=tools/demo-recording/reporting-that-people-read.md
out=src/main/resources/demo/recordings
name=reporting-that-people-read
rate=${RATE:-108}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

stamp() { # seconds -> hh:mm:ss.mmm
  awk -v t="$1" 'BEGIN { h = int(t / 3600); m = int((t - h * 3600) / 60); s = t - h * 3600 - m * 60;
    printf "%02d:%02d:%06.3f", h, m, s }'
}
seconds() { # a 22,050 Hz 16-bit mono WAV from espeak-ng or anullsrc: its data after the 44-byte header
  awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.3f", (b - 44) / 44100 }'
}
silence() { # name seconds
  ffmpeg -v error -y -f lavfi -i "anullsrc=r=22050:cl=mono" -t "$2" -c:a pcm_s16le "$work/$1.wav"
}
silence paragraph 0.6
silence topic 1.4

# One sentence a line; an empty line ends a paragraph, "---" a topic. The title is not spoken.
perl -ne 'next if /^#/; if (/^---/) { print "---\n"; next } if (/^\s*$/) { print "\n"; next }
  chomp; s/([.?!])\s+(?=[A-Z])/$1\n/g; print "$_\n"' "$script" >"$work/sentences.txt"

vtt="$out/$name.vtt"
printf 'WEBVTT\n' >"$vtt"
: >"$work/parts.txt"
start=0
n=0
pause() { # kind
  printf "file '%s'\n" "$work/$1.wav" >>"$work/parts.txt"
  start=$(awk -v a="$start" -v b="$(seconds "$work/$1.wav")" 'BEGIN { printf "%.3f", a + b }')
}
while IFS= read -r line; do
  if [ "$line" = "---" ]; then pause topic; continue; fi
  if [ -z "$line" ]; then pause paragraph; continue; fi
  n=$((n + 1))
  espeak-ng -v en-us -s "$rate" -w "$work/s$n.wav" "$line"
  end=$(awk -v a="$start" -v b="$(seconds "$work/s$n.wav")" 'BEGIN { printf "%.3f", a + b }')
  printf '\n%s --> %s\n%s\n' "$(stamp "$start")" "$(stamp "$end")" "$line" >>"$vtt"
  printf "file '%s'\n" "$work/s$n.wav" >>"$work/parts.txt"
  start=$end
done <"$work/sentences.txt"

ffmpeg -v error -y -f concat -safe 0 -i "$work/parts.txt" -c:a libopus -b:a 12k -application voip -ac 1 \
  "$out/$name.ogg"
echo "$n sentences, $(stamp "$start"), $(du -h "$out/$name.ogg" | cut -f1)"
