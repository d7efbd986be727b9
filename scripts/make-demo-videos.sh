#!/usr/bin/env bash
# Makes the demo 微党课 videos committed under host/demo/lectures/: four short lectures and one
# education film, each a titled slide with a running timer and progress bar over a quiet tone
# (H.264 + AAC MP4, 640×360, 10 fps), a JPEG cover per video, and catalogue.json.
#
# Needs Debian's ffmpeg, ffprobe, jq and the Noto CJK fonts:
#   apt-get install -y ffmpeg jq fonts-noto-cjk
# Usage: scripts/make-demo-videos.sh [output dir]   (default host/demo/lectures)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/host/demo/lectures}"
# drawtext's `font` cannot carry a fontconfig style (its ':' never survives the option parser), so
# a private fontconfig alias (below) selects the Simplified Chinese bold face of the collection.
FONT_BOLD='Zhibu Title'
FONT='Noto Sans CJK SC'
FPS=10

for tool in ffmpeg ffprobe jq fc-list; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y ffmpeg jq fontconfig)" >&2; exit 1; }
done
fc-list ':lang=zh' family | grep -q 'Noto Sans CJK SC' ||
  { echo 'missing the Noto Sans CJK SC font (apt-get install -y fonts-noto-cjk)' >&2; exit 1; }

mkdir -p "$OUT"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cat >"$WORK/fonts.conf" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <match target="pattern">
    <test name="family"><string>Zhibu Title</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Sans CJK SC</string></edit>
    <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>
  </match>
</fontconfig>
XML
export FONTCONFIG_FILE="$WORK/fonts.conf"

# Fail rather than draw boxes: both faces must resolve to Noto Sans CJK.
printf '党' >"$WORK/probe.txt"
for face in "$FONT_BOLD" "$FONT"; do
  ffmpeg -nostdin -hide_banner -v verbose -f lavfi -i color=s=64x64:d=0.1 \
    -vf "drawtext=font='$face':textfile='$WORK/probe.txt'" -frames:v 1 -f null - 2>&1 |
    grep -q 'Using ".*NotoSansCJK' || { echo "drawtext does not find Noto Sans CJK for '$face'" >&2; exit 1; }
done

# id | kind | seconds | background | tone (Hz) | title | speaker | subtitle
VIDEOS=(
  "lecture-1|micro_lecture|45|0x9e1b1b|262|党章学习第一课：党的性质和宗旨|王建华 教授|微党课 · 支部通演示"
  "lecture-2|micro_lecture|60|0x8c1c13|294|牢记初心使命，争做合格党员|李秀英 副教授|微党课 · 支部通演示"
  "lecture-3|micro_lecture|75|0x7a1f1f|330|基层党支部标准化建设要点|张志强 讲师|微党课 · 支部通演示"
  "lecture-4|micro_lecture|90|0xa3281c|349|学习贯彻全会精神|刘敏 研究员|微党课 · 支部通演示"
  "film-1|film|120|0x5c1010|220|红色家书：信仰的力量|支部通演示摄制组|党员教育片 · 支部通演示"
)

mmss() { printf '%02d:%02d' $(($1 / 60)) $(($1 % 60)); }

# The slide without the moving parts; used by both the video and the cover.
slide_filters() { # dir
  local d="$1"
  printf '%s' \
    "drawbox=x=0:y=0:w=iw:h=6:color=0xf4c542:t=fill," \
    "drawbox=x=40:y=250:w=560:h=2:color=0xf4c542@0.8:t=fill," \
    "drawtext=font='$FONT':textfile='$d/subtitle.txt':fontsize=20:fontcolor=0xf4c542:x=40:y=40," \
    "drawtext=font='$FONT_BOLD':textfile='$d/title.txt':fontsize=34:fontcolor=white:x=(w-text_w)/2:y=150," \
    "drawtext=font='$FONT':textfile='$d/speaker.txt':fontsize=22:fontcolor=0xfff3d6:x=(w-text_w)/2:y=206"
}

for row in "${VIDEOS[@]}"; do
  IFS='|' read -r id kind secs bg tone title speaker subtitle <<<"$row"
  d="$WORK/$id"
  mkdir -p "$d"
  printf '%s' "$title" >"$d/title.txt"
  printf '%s' "$subtitle" >"$d/subtitle.txt"
  if [ "$kind" = film ]; then printf '出品：%s' "$speaker" >"$d/speaker.txt"; else printf '主讲：%s' "$speaker" >"$d/speaker.txt"; fi
  # drawtext expands %{…} in text files: the running position, then the total.
  printf '%%{eif:floor(t/60):d:2}:%%{eif:mod(floor(t),60):d:2} / %s' "$(mmss "$secs")" >"$d/timer.txt"
  printf '时长 %s' "$(mmss "$secs")" >"$d/length.txt"

  cat >"$d/video.filter" <<EOF
color=c=$bg:s=640x360:r=$FPS:d=$secs,$(slide_filters "$d"),
drawtext=font='$FONT':textfile='$d/timer.txt':fontsize=22:fontcolor=white:x=(w-text_w)/2:y=290[slide];
color=c=0x000000@0.35:s=560x8:r=$FPS:d=$secs[track];
color=c=0xf4c542:s=560x8:r=$FPS:d=$secs[bar];
[slide][track]overlay=x=40:y=326[tracked];
[tracked][bar]overlay=x=40-w+w*t/$secs:y=326:eval=frame,crop=640:360:0:0,format=yuv420p[v];
aevalsrc=0.05*sin(2*PI*$tone*t)*(0.7+0.3*sin(2*PI*0.2*t)):s=22050:d=$secs[a]
EOF
  # A bar drawn at x < 40 would show left of the track: mask it with the background.
  sed -i "s|crop=640:360:0:0|drawbox=x=0:y=320:w=40:h=20:color=$bg:t=fill|" "$d/video.filter"

  ffmpeg -nostdin -hide_banner -loglevel error -y \
    -filter_complex_script "$d/video.filter" -map '[v]' -map '[a]' \
    -c:v libx264 -preset veryslow -tune stillimage -crf 30 -profile:v main -level 3.0 -pix_fmt yuv420p \
    -g $((FPS * 10)) -keyint_min $((FPS * 10)) -sc_threshold 0 -r "$FPS" \
    -c:a aac -b:a 24k -ac 1 -ar 22050 \
    -t "$secs" -movflags +faststart -map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact \
    "$OUT/$id.mp4"

  cat >"$d/cover.filter" <<EOF
color=c=$bg:s=640x360:d=1,$(slide_filters "$d"),
drawtext=font='$FONT':textfile='$d/length.txt':fontsize=20:fontcolor=white:x=(w-text_w)/2:y=290,format=yuvj420p[v]
EOF
  ffmpeg -nostdin -hide_banner -loglevel error -y \
    -filter_complex_script "$d/cover.filter" -map '[v]' -frames:v 1 -q:v 4 -map_metadata -1 -fflags +bitexact \
    "$OUT/$id.jpg"

  ffprobe -v error -show_entries format=duration -of csv=p=0 "$OUT/$id.mp4" >"$d/duration.txt"
  jq -n --arg id "$id" --arg kind "$kind" --arg title "$title" --arg speaker "$speaker" \
    --argjson durationS "$(awk '{ printf "%.1f", $1 }' "$d/duration.txt")" \
    '{ id: $id, file: ($id + ".mp4"), cover: ($id + ".jpg"), title: $title, speaker: $speaker, kind: $kind,
       durationS: $durationS }' >"$d/entry.json"
  echo "made $id.mp4 ($(stat -c %s "$OUT/$id.mp4") bytes, $(cat "$d/duration.txt") s) and $id.jpg ($(stat -c %s "$OUT/$id.jpg") bytes)"
done

# Summaries, tags and the one quiz (lecture 1): facts from the Party constitution's general programme.
jq -s '{ "lecture-1": {
      summary: "本课围绕党章总纲，讲解中国共产党的性质和宗旨。帮助党员理解“两个先锋队”的定位，牢记全心全意为人民服务的根本宗旨。",
      tags: ["党章", "党的性质", "宗旨"],
      quiz: {
        passMark: 60,
        questions: [
          { id: "q1", kind: "single",
            prompt: "中国共产党的根本宗旨是什么？",
            options: [
              { id: "A", text: "全心全意为人民服务" },
              { id: "B", text: "实现共产主义" },
              { id: "C", text: "发展社会生产力" },
              { id: "D", text: "加强党的建设" }
            ],
            correct: ["A"],
            explanation: "党章总纲规定：党除了工人阶级和最广大人民群众的利益，没有自己特殊的利益。全心全意为人民服务是党的根本宗旨。" },
          { id: "q2", kind: "single",
            prompt: "党的最高理想和最终目标是什么？",
            options: [
              { id: "A", text: "全面建成小康社会" },
              { id: "B", text: "实现共产主义" },
              { id: "C", text: "实现社会主义现代化" },
              { id: "D", text: "实现共同富裕" }
            ],
            correct: ["B"],
            explanation: "党章总纲规定：党的最高理想和最终目标是实现共产主义。其余选项是不同阶段的奋斗目标。" },
          { id: "q3", kind: "multiple",
            prompt: "根据党章，中国共产党是哪“两个先锋队”？（多选）",
            options: [
              { id: "A", text: "中国工人阶级的先锋队" },
              { id: "B", text: "中国人民和中华民族的先锋队" },
              { id: "C", text: "中国青年的先锋队" },
              { id: "D", text: "世界无产阶级的先锋队" }
            ],
            correct: ["A", "B"],
            explanation: "党章总纲开篇指出：中国共产党是中国工人阶级的先锋队，同时是中国人民和中华民族的先锋队。" }
        ]
      } },
    "lecture-2": {
      summary: "本课讲述共产党员如何在日常工作和生活中践行初心使命。结合党员义务，从学习、工作、作风三个方面谈如何做一名合格党员。",
      tags: ["初心使命", "党员义务", "合格党员"] },
    "lecture-3": {
      summary: "本课梳理基层党支部标准化建设的主要内容。介绍组织设置、组织生活、党员管理和阵地建设等方面的基本要求。",
      tags: ["支部建设", "标准化", "组织生活"] },
    "lecture-4": {
      summary: "本课介绍学习贯彻全会精神的方法和要求。引导党员原原本本学、联系实际学，把学习成果转化为推动工作的实际行动。",
      tags: ["理论学习", "全会精神"] },
    "film-1": {
      summary: "本片以革命先辈写给家人的书信为线索，讲述共产党人的理想信念。通过家书中的字里行间，感受信仰的力量和家国情怀。",
      tags: ["红色家书", "理想信念", "党史学习"] }
  } as $meta
  | { items: [ .[] | . + $meta[.id] ] }' "$WORK"/lecture-1/entry.json "$WORK"/lecture-2/entry.json \
  "$WORK"/lecture-3/entry.json "$WORK"/lecture-4/entry.json "$WORK"/film-1/entry.json >"$OUT/catalogue.json"

echo "wrote $OUT/catalogue.json; total $(du -cb "$OUT"/*.mp4 "$OUT"/*.jpg "$OUT"/catalogue.json | tail -1 | cut -f1) bytes"
