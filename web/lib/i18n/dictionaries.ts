import type { CertificateLevel } from '@/lib/strapi/types'
import { errorMessages, type ErrorMessages } from './error-messages'
import type { Locale } from './locales'

// UI strings. Content (titles, bodies, the company's name) comes from the CMS;
// these are only the words the site itself puts around it.

export interface Dictionary {
  /** Used only when the CMS has no published `global` entry for the locale. */
  fallbackSiteName: string
  skipToContent: string
  nav: { label: string; home: string; news: string; certificates: string }
  languageSwitch: { label: string }
  home: {
    title: string
    latestNews: string
    allNews: string
    certificates: string
    allCertificates: string
  }
  news: {
    title: string
    /** "мэдээ (2)": the title of page 2 and beyond of a list. */
    pagedTitle: (title: string, page: number) => string
    empty: string
    categoryFilterLabel: string
    allCategories: string
  }
  article: {
    /** Printed right before the date, separator included: "Шуудангийн цаг: ". */
    postedAtPrefix: string
    /** Printed right before the category name, separator included. */
    categoryPrefix: string
    relatedCertificates: string
  }
  pagination: {
    label: string
    previous: string
    next: string
    pageOf: (page: number, pageCount: number) => string
  }
  certificates: {
    title: string
    empty: string
    issuer: string
    level: string
    number: string
    issuedOn: string
    scanAlt: (certificateName: string) => string
    relatedArticles: string
    levels: Record<CertificateLevel, string>
  }
  footer: { address: string; email: string; phone: string }
  notFound: { title: string; message: string; backHome: string }
  error: ErrorMessages
}

const mn: Dictionary = {
  fallbackSiteName: 'Компанийн мэдээ',
  skipToContent: 'Үндсэн агуулга руу шилжих',
  nav: { label: 'Үндсэн цэс', home: 'Нүүр', news: 'Мэдээ', certificates: 'Гэрчилгээ' },
  languageSwitch: { label: 'Хэл сонгох' },
  home: {
    title: 'Нүүр',
    latestNews: 'Сүүлийн мэдээ',
    allNews: 'Бүх мэдээ',
    certificates: 'Гэрчилгээ',
    allCertificates: 'Бүх гэрчилгээ',
  },
  news: {
    title: 'мэдээ',
    pagedTitle: (title, page) => `${title} (${page})`,
    empty: 'Одоогоор мэдээ алга байна.',
    categoryFilterLabel: 'Ангилал',
    allCategories: 'Бүгд',
  },
  article: {
    postedAtPrefix: 'Шуудангийн цаг: ',
    categoryPrefix: 'Ангилал: ',
    relatedCertificates: 'Холбогдох гэрчилгээ',
  },
  pagination: {
    label: 'Хуудаслалт',
    previous: 'Өмнөх',
    next: 'Дараах',
    pageOf: (page, pageCount) => `Хуудас ${page} / ${pageCount}`,
  },
  certificates: {
    title: 'Гэрчилгээ',
    empty: 'Одоогоор гэрчилгээ алга байна.',
    issuer: 'Олгосон байгууллага',
    level: 'Түвшин',
    number: 'Дугаар',
    issuedOn: 'Олгосон огноо',
    scanAlt: (name) => `${name} (хуулбар)`,
    relatedArticles: 'Холбогдох мэдээ',
    levels: { municipal: 'Хотын түвшин', provincial: 'Мужийн түвшин', national: 'Улсын түвшин' },
  },
  footer: { address: 'Хаяг', email: 'И-мэйл', phone: 'Утас' },
  notFound: {
    title: 'Хуудас олдсонгүй',
    message: 'Таны хайсан хуудас байхгүй эсвэл устгагдсан байна.',
    backHome: 'Нүүр хуудас руу буцах',
  },
  error: errorMessages.mn,
}

const zh: Dictionary = {
  fallbackSiteName: '公司新闻',
  skipToContent: '跳到主要内容',
  nav: { label: '主导航', home: '首页', news: '新闻', certificates: '资质证书' },
  languageSwitch: { label: '选择语言' },
  home: {
    title: '首页',
    latestNews: '最新新闻',
    allNews: '全部新闻',
    certificates: '资质证书',
    allCertificates: '全部证书',
  },
  news: {
    title: '新闻',
    pagedTitle: (title, page) => `${title} (${page})`,
    empty: '暂无新闻。',
    categoryFilterLabel: '分类',
    allCategories: '全部',
  },
  article: {
    postedAtPrefix: '发布时间：',
    categoryPrefix: '分类：',
    relatedCertificates: '相关证书',
  },
  pagination: {
    label: '分页',
    previous: '上一页',
    next: '下一页',
    pageOf: (page, pageCount) => `第 ${page} 页，共 ${pageCount} 页`,
  },
  certificates: {
    title: '资质证书',
    empty: '暂无证书。',
    issuer: '颁发机构',
    level: '级别',
    number: '证书编号',
    issuedOn: '颁发日期',
    scanAlt: (name) => `${name}（扫描件）`,
    relatedArticles: '相关新闻',
    levels: { municipal: '市级', provincial: '省级', national: '国家级' },
  },
  footer: { address: '地址', email: '邮箱', phone: '电话' },
  notFound: {
    title: '页面未找到',
    message: '您访问的页面不存在或已被删除。',
    backHome: '返回首页',
  },
  error: errorMessages.zh,
}

const dictionaries: Record<Locale, Dictionary> = { mn, zh }

export function getDictionary(locale: Locale): Dictionary {
  return dictionaries[locale]
}

/** Each language's name in that language, as the language switch shows it. */
export const localeNames: Record<Locale, string> = { mn: 'Монгол', zh: '中文' }
