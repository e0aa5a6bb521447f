import type { Locale } from './locales'

export interface ErrorMessages {
  title: string
  message: string
  retry: string
  backHome: string
}

/**
 * The error page's strings, kept apart from the rest of the dictionaries (which include
 * them): app/[locale]/error.tsx is a client component, and importing only these keeps every
 * other UI string of both languages out of the browser bundle.
 */
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
}
