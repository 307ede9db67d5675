#!/usr/bin/env bash
# Makes the demo catalog's media from the text below: slides drawn with ImageMagick, narration spoken by espeak-ng
# (synthetic speech), put together with ffmpeg, and WebVTT transcripts timed from the narration's real durations.
# Needs: apt-get install ffmpeg espeak-ng imagemagick. Writes src/main/resources/demo/media/ and prints nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
media=src/main/resources/demo/media
transcripts=tools/demo-transcripts
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$media" "$transcripts"

stamp() { # seconds -> mm:ss.mmm
  awk -v t="$1" 'BEGIN { m = int(t / 60); s = t - m * 60; printf "%02d:%06.3f", m, s }'
}

speak() { # name text -> $work/name.wav, prints duration in seconds
  espeak-ng -v en-us -s 150 -w "$work/$1.wav" "$2"
  ffprobe -v error -show_entries format=duration -of csv=p=0 "$work/$1.wav"
}

slide() { # name title text
  convert -size 640x360 xc:'#1f5f8b' -fill white -font DejaVu-Sans-Bold -pointsize 30 -gravity north \
    -annotate +0+40 "$2" -font DejaVu-Sans -pointsize 24 -gravity center -annotate +0+30 "$3" "$work/$1.png"
}

# The video: building a first report, four slides, one sentence each.
titles=("New report" "Start from a saved view" "Add one filter" "Save it with a name")
bodies=("Reports → New report" "The data is already shaped\nthe way your team works" "Region = North\nanswers: how is the North doing?" "Name it by the question\nit answers")
lines=("To build your first report, open Reports and choose New report."
       "Start from a saved view, so the data is already shaped the way your team uses it."
       "Add one filter that answers your question, for example region equals North."
       "Save the report with a name that says which question it answers.")
vtt="$transcripts/first-report.vtt"
printf 'WEBVTT\n' >"$vtt"
: >"$work/slides.txt"
: >"$work/audio.txt"
start=0
for i in 0 1 2 3; do
  slide "s$i" "${titles[$i]}" "$(printf '%b' "${bodies[$i]}")"
  duration=$(speak "v$i" "${lines[$i]}")
  end=$(awk -v a="$start" -v b="$duration" 'BEGIN { printf "%.3f", a + b }')
  printf '\n%s --> %s\n%s\n' "$(stamp "$start")" "$(stamp "$end")" "${lines[$i]}" >>"$vtt"
  printf "file '%s'\nduration %s\n" "$work/s$i.png" "$duration" >>"$work/slides.txt"
  printf "file '%s'\n" "$work/v$i.wav" >>"$work/audio.txt"
  start=$end
done
printf "file '%s'\n" "$work/s3.png" >>"$work/slides.txt"
ffmpeg -v error -y -f concat -safe 0 -i "$work/audio.txt" -c copy "$work/narration.wav"
ffmpeg -v error -y -f concat -safe 0 -i "$work/slides.txt" -i "$work/narration.wav" -vf "fps=10,format=yuv420p" \
  -c:v libvpx-vp9 -b:v 60k -deadline good -c:a libopus -b:a 24k -ac 1 -shortest "$media/first-report.webm"

# The audio clip: a coach's tip for the first week.
tip=("Here is a tip from our onboarding team."
     "In the first week, pick one question each person cares about, and build that one report together."
     "People who build a report in their first week keep coming back.")
vtt="$transcripts/coach-tip.vtt"
printf 'WEBVTT\n' >"$vtt"
: >"$work/tip.txt"
start=0
for i in 0 1 2; do
  duration=$(speak "t$i" "${tip[$i]}")
  end=$(awk -v a="$start" -v b="$duration" 'BEGIN { printf "%.3f", a + b }')
  printf '\n%s --> %s\n%s\n' "$(stamp "$start")" "$(stamp "$end")" "${tip[$i]}" >>"$vtt"
  printf "file '%s'\n" "$work/t$i.wav" >>"$work/tip.txt"
  start=$end
done
ffmpeg -v error -y -f concat -safe 0 -i "$work/tip.txt" -c:a libopus -b:a 24k -ac 1 "$media/coach-tip.ogg"

# Diagrams.
convert -size 720x300 xc:white -fill '#1f5f8b' -draw "roundrectangle 20,60 230,240 12,12" \
  -draw "roundrectangle 255,60 465,240 12,12" -draw "roundrectangle 490,60 700,240 12,12" \
  -fill white -font DejaVu-Sans-Bold -pointsize 24 -annotate +45+150 'Data sources' -annotate +300+150 'Dashboards' \
  -annotate +540+150 'Reports' -fill '#1b2430' -font DejaVu-Sans -pointsize 18 -annotate +45+275 'where data comes in' \
  -annotate +275+275 'what the team watches' -annotate +510+275 'answers you send' \
  -pointsize 22 -annotate +250+35 'Your Acme Insights workspace' "$media/workspace-map.png"
convert -size 720x260 xc:white -font DejaVu-Sans -pointsize 22 -fill '#1b2430' \
  -annotate +30+50 'Create     a weekly pipeline report     in under five minutes' \
  -fill '#1f5f8b' -draw "rectangle 30,70 120,76" -draw "rectangle 160,70 430,76" -draw "rectangle 450,70 700,76" \
  -pointsize 18 -fill '#1b2430' -annotate +40+110 'verb you can see' -annotate +200+110 'what is produced' \
  -annotate +470+110 'how well: the criterion' -pointsize 20 -annotate +30+200 'Not: "understand reporting". You cannot watch someone understand.' \
  "$media/objective-anatomy.png"
optipng_if() { command -v optipng >/dev/null && optipng -quiet "$@" || true; }
optipng_if "$media"/*.png
