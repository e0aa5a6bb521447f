import type { Locale } from './locales';

// The error page's words, apart from the other UI strings: the error
// boundaries are client components, and importing the whole dictionary there
// would ship every string of both languages to every browser.

export interface ErrorMessages {
  title: string;
  message: string;
  retry: string;
  backHome: string;
}

export const errorMessages: Record<Locale, ErrorMessages> = {
  mn: {
    title: 'Түр алдаа гарлаа',
    message: 'Агуулгыг одоогоор ачаалж чадсангүй. Хэсэг хугацааны дараа дахин оролдоно уу.',
    retry: 'Дахин оролдох',
    backHome: 'Нүүр хуудас руу буцах',
  },
  zh: {
    title: '暂时出错了',
    message: '内容暂时无法加载，请稍后再试。',
    retry: '重试',
    backHome: '返回首页',
  },
};
