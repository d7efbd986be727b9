import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Switch from '@/components/Switch';
import {
  formatDurationText,
  LECTURE_KIND_OPTIONS,
  parseDuration,
  parseTags,
  type PublishTarget,
} from '@/features/lectures/model/lecture-admin';
import type { LecturePublishState, PublishStage } from '@/features/lectures/hooks/useLecturePublish';
import { Field, SelectField, TextField } from '@/components/Field';
import LecturePublishMedia from '@/features/lectures/components/LecturePublishMedia';
import QuizEditor from '@/features/lectures/components/QuizEditor';
import SegmentedControl from '@/components/SegmentedControl';
import './index.scss';

const BUTTON_TEXT: Record<PublishStage, string> = {
  '': '发布课程',
  video: '正在上传视频…',
  cover: '正在上传封面…',
  saving: '正在发布…',
};

interface Props {
  /** The form's state, kept by the page so that switching tabs does not lose it. */
  state: LecturePublishState;
  targets: PublishTarget[];
}

/** 发布新课程: what it is, the video (its length read from it), cover, summary, tags, where, and an optional quiz. */
export default function LecturePublishForm({ state: s, targets }: Props) {
  const { values: v, errors, set } = s;
  const seconds = parseDuration(v.durationS);
  const tags = parseTags(v.tags);
  const isCommittee = !!targets.find((t) => t.value === v.orgId)?.committee;
  return (
    <View className="zb-lpub e2e-lecture-form">
      <View className="zb-lpub__card">
        <TextField
          label="课程标题"
          required
          value={v.title}
          maxLength={60}
          placeholder="如：党章学习第一课"
          error={errors.title}
          inputClassName="e2e-lecture-title"
          onChange={(x) => set('title', x)}
        />
        <TextField
          label="主讲人"
          required
          value={v.speaker}
          maxLength={40}
          placeholder="如：王建华 教授"
          error={errors.speaker}
          inputClassName="e2e-lecture-speaker"
          onChange={(x) => set('speaker', x)}
        />
        <Field label="类型" required>
          <SegmentedControl
            options={LECTURE_KIND_OPTIONS}
            value={v.kind}
            className="e2e-lecture-kind"
            onChange={(x) => set('kind', x)}
          />
        </Field>
        <Field label="视频" required error={errors.video}>
          <LecturePublishMedia
            kind="video"
            value={s.video}
            disabled={!!s.stage}
            className="e2e-lecture-video"
            onPick={s.pickVideo}
          />
        </Field>
        <TextField
          label="时长（秒）"
          required
          type="number"
          value={v.durationS}
          maxLength={5}
          placeholder="选择视频后自动读取"
          error={errors.durationS}
          hint={
            seconds
              ? `即 ${formatDurationText(seconds)}；党员看满 90% 算学完`
              : '选择视频后自动读取，读不到时请手动填写'
          }
          inputClassName="e2e-lecture-duration"
          onChange={(x) => set('durationS', x)}
        />
        <Field label="封面（选填）" error={errors.cover}>
          <LecturePublishMedia
            kind="image"
            value={s.cover}
            disabled={!!s.stage}
            className="e2e-lecture-cover"
            onPick={s.pickCover}
            onClear={() => s.pickCover(null)}
          />
        </Field>
        <Field label="简介" required error={errors.summary}>
          <Textarea
            className="zb-lpub__summary e2e-lecture-summary"
            value={v.summary}
            maxlength={500}
            placeholder="这节课讲什么，党员学完有什么收获"
            onInput={(e) => set('summary', e.detail.value)}
          />
        </Field>
        <TextField
          label="标签（选填）"
          value={v.tags}
          maxLength={100}
          placeholder="用逗号分隔，如：党章，党史"
          error={errors.tags}
          hint={tags.length ? `${tags.length} 个标签：${tags.join(' / ')}` : '最多 8 个，每个最多 10 个字'}
          inputClassName="e2e-lecture-tags"
          onChange={(x) => set('tags', x)}
        />
        <SelectField
          label="发布到"
          required
          options={targets}
          value={v.orgId}
          error={errors.orgId}
          hint={isCommittee ? '党委下所有支部的党员都能学习' : '该组织的党员都能在「学习」中看到'}
          pickerClassName="e2e-lecture-org"
          onChange={(x) => set('orgId', x)}
        />
      </View>

      <View className="zb-lpub__card">
        <View className="zb-lpub__quiz-switch">
          <View className="zb-lpub__quiz-title">
            <Text className="zb-lpub__quiz-name">课后测验</Text>
            <Text className="zb-lpub__quiz-desc">开启后，党员看完还须通过测验才算学完</Text>
          </View>
          <Switch
            className="e2e-lecture-quiz-switch"
            checked={v.withQuiz}
            onChange={(on: boolean) => s.setWithQuiz(on)}
          />
        </View>
        {errors.quiz ? <Text className="zb-field__error e2e-field-error">{errors.quiz}</Text> : null}
        {v.withQuiz ? <QuizEditor draft={s.quiz} errors={s.quizErrors} onChange={s.changeQuiz} /> : null}
      </View>

      <Button
        block
        type="primary"
        size="xlarge"
        loading={!!s.stage}
        className="e2e-lecture-submit"
        onClick={() => void s.submit()}
      >
        {BUTTON_TEXT[s.stage]}
      </Button>
    </View>
  );
}
