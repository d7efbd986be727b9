import { Video, View } from '@tarojs/components';
import type { PlayerBindings } from '@/features/lectures/hooks/useLectureHeartbeat';
import './index.scss';

interface Props {
  src: string;
  poster?: string | null;
  player: PlayerBindings;
}

/**
 * The lecture's video: native controls and progress bar, resuming at the last position. The
 * heartbeat hook's bindings report playback and send the player back when it is sought too far.
 */
export default function LecturePlayer({ src, poster, player }: Props) {
  return (
    <View className="zb-lplayer">
      <Video
        id={player.id}
        className="zb-lplayer__video e2e-lecture-video"
        src={src}
        poster={poster ?? undefined}
        controls
        showProgress
        showFullscreenBtn
        showCenterPlayBtn
        initialTime={player.initialTime}
        objectFit="contain"
        onPlay={player.onPlay}
        onPause={player.onPause}
        onEnded={player.onEnded}
        onTimeUpdate={player.onTimeUpdate}
        onSeekComplete={player.onSeekComplete}
      />
    </View>
  );
}
