/** The notice's version alone (roster.setup keeps it without bundling the notice's text). */
export const DECLARATION_CONSENT_VERSION = '2026-12-v1';

/**
 * The separate consent a 亮身份 declaration needs (PIPL Art. 28–29: Party membership is 特定身份,
 * sensitive personal information). The app shows this notice next to an unticked box; the server
 * refuses a declaration without `consent: true` and keeps the version and time with it.
 * Change `version` whenever the notice's substance changes.
 */
export const DECLARATION_CONSENT = {
  version: DECLARATION_CONSENT_VERSION,
  title: '敏感个人信息单独同意',
  sections: [
    {
      heading: '收集什么',
      text: '姓名、手机号、党员身份（正式/预备）、入党日期、转正日期、组织关系所在支部或单位。不收集身份证号。',
    },
    {
      heading: '为什么收集',
      text: '党员身份属于敏感个人信息。仅用于核实您的党员身份、对应支部党员名册，以及组织生活签到、学习和积分激励。',
    },
    {
      heading: '谁能看到',
      text: '您所在支部的书记、支委和党委管理员；不向其他党员公开。完整手机号只对您本人和支部书记显示。',
    },
    {
      heading: '保存多久',
      text: '在您的组织关系隶属本党委期间保存；转出后由党委按党员档案管理规定处理。您可随时在「我的 › 我的数据」查看并下载。',
    },
  ],
  agreement: '我已阅读上述说明，单独同意处理我的党员身份信息',
} as const;

/** What the declaration keeps of the consent. */
export interface ConsentRecord {
  version: string;
  at: string;
}
