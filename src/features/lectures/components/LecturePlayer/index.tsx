import { Image, Text, Video, View } from '@tarojs/components';
import type { PlayerBar } from '@/features/lectures/model/player';
import type { PlayerBindings, PlayerCommands } from '@/features/lectures/hooks/useLectureHeartbeat';
import './index.scss';

interface Props {
  src: string;
  poster?: string | null;
  player: PlayerBindings;
  commands: PlayerCommands;
  /** What the bar under the video offers now. */
  bar: PlayerBar;
  /** Scrolls to the quiz below. */
  onToQuiz: () => void;
}

const ICONS = { resume: '▶', start: '▶', play: '▶', pause: '❚❚', replay: '↻' } as const;

/**
 * The lecture's video and the bar under it. Nothing is drawn over the picture (a cover carries its
 * own title and speaker): until playback starts the cover is shown whole (letterboxed) and the bar
 * offers one hint, 从 00:12 继续 or 开始播放; from then on the player's own control bar shows the
 * times, and the bar a large play or pause button and, when the quiz is open, 去答题. The heartbeat
 * hook's bindings report playback and send the player back when it is sought too far.
 */
export default function LecturePlayer({ src, poster, player, commands, bar, onToQuiz }: Props) {
  const { action } = bar;
  const idle = action.kind === 'resume' || action.kind === 'start';
  const press = () => {
    if (action.kind === 'pause') commands.pause();
    else if (action.kind === 'resume') commands.play(action.at);
    else if (action.kind === 'replay') commands.play(0);
    else commands.play();
  };
  return (
    <View className="zb-lplayer">
      <View className="zb-lplayer__screen">
        <Video
          id={player.id}
          className="zb-lplayer__video e2e-lecture-video"
          src={src}
          poster={poster ?? undefined}
          controls
          showProgress
          showFullscreenBtn
          showCenterPlayBtn={false}
          initialTime={player.initialTime}
          objectFit="contain"
          onPlay={player.onPlay}
          onPause={player.onPause}
          onEnded={player.onEnded}
          onTimeUpdate={player.onTimeUpdate}
          onSeekComplete={player.onSeekComplete}
        />
        {idle ? (
          // The cover over the player until it starts: the player's own time labels stay hidden under it.
          <View className="zb-lplayer__cover e2e-lecture-cover" onClick={press}>
            {poster ? <Image className="zb-lplayer__cover-img" src={poster} mode="aspectFit" /> : null}
          </View>
        ) : null}
      </View>
      <View className="zb-lplayer__bar e2e-lecture-bar">
        <View
          className={`zb-lplayer__action zb-lplayer__action--${action.kind} e2e-lecture-${action.kind}`}
          onClick={press}
        >
          <Text className="zb-lplayer__icon">{ICONS[action.kind]}</Text>
          <Text className="zb-lplayer__label">{action.label}</Text>
        </View>
        {bar.note ? (
          // Beside 去答题 there is no room: the note takes a line of its own under the buttons.
          <Text className={`zb-lplayer__note ${bar.toQuiz ? 'zb-lplayer__note--own-line' : ''}`}>{bar.note}</Text>
        ) : null}
        {bar.restart ? (
          <Text className="zb-lplayer__restart e2e-lecture-restart" onClick={() => commands.play(0)}>
            从头播放
          </Text>
        ) : null}
        {bar.toQuiz ? (
          <View className="zb-lplayer__quiz e2e-lecture-to-quiz" onClick={onToQuiz}>
            <Text>去答题 ↓</Text>
          </View>
        ) : null}
      </View>
    </View>
  );
}
