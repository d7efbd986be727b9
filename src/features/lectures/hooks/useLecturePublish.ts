import { useEffect, useMemo, useRef, useState } from 'react';
import {
  clearQuizErrors,
  defaultPublishTarget,
  emptyLectureForm,
  emptyQuizDraft,
  fieldMessage,
  lectureFormField,
  publishTargets,
  quizErrorKey,
  toLectureInput,
  validateLectureForm,
  validateQuizDraft,
  type LectureFormErrors,
  type LectureFormField,
  type LectureFormValues,
  type QuizDraft,
  type QuizErrors,
} from '@/features/lectures/model/lecture-admin';
import { hasErrors } from '@/utils/validation';
import { isApiRequestError } from '@/services/client';
import { createLecture } from '@/features/lectures/services/lecture';
import { uploadMedia, type PickedMedia } from '@/features/lectures/services/media-upload';
import { CHECK_FORM_MESSAGE, toastError, toastInfo, toastSuccess } from '@/utils/feedback';
import { useManagedOrgs } from '@/features/roster';
import { useMe } from '@/features/identity';
import { emit } from '@/utils/events';

/** Where the caller may publish (the committee for admins, branches and groups below), and the default. */
export function useLecturePublishTargets() {
  const { me } = useMe();
  const orgs = useManagedOrgs();
  const targets = useMemo(() => (me ? publishTargets(orgs.orgs, me) : []), [me, orgs.orgs]);
  const defaultOrgId = useMemo(() => (me ? defaultPublishTarget(targets, me.roles) : ''), [me, targets]);
  return { targets, defaultOrgId, loading: orgs.loading, error: orgs.error, reload: orgs.reload };
}

const QUIZ_PROBLEM = '测验有需要修改的地方，见下方标红处';

/** What the submit button is doing. */
export type PublishStage = '' | 'video' | 'cover' | 'saving';

/**
 * The 发布课程 form: values, the chosen video and cover, the quiz draft, local checks, uploads
 * (kept across retries) and `lecture.create`; server field errors land on their field or quiz part.
 */
export function useLecturePublish(defaultOrgId: string, onPublished: (id: string) => void) {
  const [values, setValues] = useState<LectureFormValues>(() => emptyLectureForm(defaultOrgId));
  const [errors, setErrors] = useState<LectureFormErrors>({});
  const [quiz, setQuiz] = useState<QuizDraft>(emptyQuizDraft);
  const [quizErrors, setQuizErrors] = useState<QuizErrors>({});
  const [video, setVideo] = useState<PickedMedia | null>(null);
  const [cover, setCover] = useState<PickedMedia | null>(null);
  const [stage, setStage] = useState<PublishStage>('');
  const uploaded = useRef(new Map<PickedMedia, string>());

  useEffect(() => {
    if (!values.orgId && defaultOrgId) setValues((v) => ({ ...v, orgId: defaultOrgId }));
  }, [defaultOrgId, values.orgId]);

  const clearError = (field: LectureFormField) => setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));
  const set = <K extends keyof LectureFormValues & LectureFormField>(key: K, value: LectureFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    clearError(key);
  };
  const setWithQuiz = (on: boolean) => {
    setValues((v) => ({ ...v, withQuiz: on }));
    clearError('quiz');
  };

  const pickVideo = (media: PickedMedia) => {
    setVideo(media);
    clearError('video');
    if (media.durationS) set('durationS', String(media.durationS));
  };
  const pickCover = (media: PickedMedia | null) => {
    setCover(media);
    clearError('cover');
  };
  const changeQuiz = (next: QuizDraft, touched: string) => {
    setQuiz(next);
    setQuizErrors((e) => clearQuizErrors(e, touched));
    clearError('quiz');
  };

  const upload = async (media: PickedMedia, what: 'video' | 'cover') => {
    const known = uploaded.current.get(media);
    if (known) return known;
    setStage(what);
    const fileID = await uploadMedia(media);
    uploaded.current.set(media, fileID);
    return fileID;
  };

  /** Puts a server field error next to its field (true), or toasts the error (false). */
  const showServerError = (e: unknown) => {
    const field = isApiRequestError(e) && e.code === 'INVALID_INPUT' ? lectureFormField(e.field) : undefined;
    if (!field || !isApiRequestError(e)) {
      toastError(e);
      return;
    }
    const message = fieldMessage(e.message);
    if (field === 'quiz' && e.field) setQuizErrors({ [quizErrorKey(e.field)]: message });
    setErrors({ [field]: field === 'quiz' ? QUIZ_PROBLEM : message });
    toastInfo(CHECK_FORM_MESSAGE);
  };

  const submit = async () => {
    if (stage) return;
    const local = validateLectureForm(values, !!video);
    const localQuiz = values.withQuiz ? validateQuizDraft(quiz) : {};
    if (hasErrors(local) || hasErrors(localQuiz)) {
      setErrors({ ...local, ...(hasErrors(localQuiz) ? { quiz: QUIZ_PROBLEM } : {}) });
      setQuizErrors(localQuiz);
      toastInfo(CHECK_FORM_MESSAGE);
      return;
    }
    try {
      const videoId = await upload(video as PickedMedia, 'video');
      const coverId = cover ? await upload(cover, 'cover') : null;
      setStage('saving');
      const res = await createLecture(toLectureInput(values, { video: videoId, cover: coverId }, quiz));
      toastSuccess('已发布');
      emit('lecturesChanged');
      setValues(emptyLectureForm(values.orgId));
      setQuiz(emptyQuizDraft());
      setVideo(null);
      setCover(null);
      onPublished(res.id);
    } catch (e) {
      showServerError(e);
    } finally {
      setStage('');
    }
  };

  return {
    values,
    errors,
    set,
    setWithQuiz,
    quiz,
    quizErrors,
    changeQuiz,
    video,
    cover,
    pickVideo,
    pickCover,
    stage,
    submit,
  };
}

export type LecturePublishState = ReturnType<typeof useLecturePublish>;
