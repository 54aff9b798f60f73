/**
 * Placeholder text that `bulletin new` and `bulletin init` write for the author to replace. The
 * templates are built from these, and the check rules look for them, so the two never drift apart.
 */
export const PLACEHOLDER = {
  /** An article's `title` in the template of `bulletin new`. */
  title: '请填写标题',
  /** An article's `source`. */
  source: '请填写供稿单位',
  /** How the template's body paragraph begins. */
  body: '正文第一段写在这里。',
  /** bulletin.yaml `series` and `office` written by `bulletin init` when nobody said them. */
  series: '请填写简报名称',
  office: '请填写编印单位',
} as const;
