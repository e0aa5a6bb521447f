import type { CertificateLevel } from '@/lib/strapi/types';
import { errorMessages, type ErrorMessages } from './error-messages';
import type { Locale } from './locales';

// UI strings. Content (titles, bodies, the company's name) comes from the CMS;
// these are only the words the site itself puts around it.

export interface Dictionary {
  /** Used only when the CMS has no published `global` entry for the locale. */
  fallbackSiteName: string;
  skipToContent: string;
  nav: { label: string; home: string; news: string; certificates: string };
  languageSwitch: {
    label: string;
    /** Said of the other language when this page has no published version in it. */
    unavailable: string;
  };
  home: {
    title: string;
    latestNews: string;
    allNews: string;
    certificates: string;
    allCertificates: string;
  };
  news: {
    title: string;
    /** "Мэдээ (2)": the title of page 2 and beyond of a list. */
    pagedTitle: (title: string, page: number) => string;
    empty: string;
    categoryFilterLabel: string;
    allCategories: string;
    /** "12 мэдээ": how many published articles a category has, for assistive technology. */
    articleCount: (count: number) => string;
  };
  article: {
    /** Printed right before the date, separator included: "Нийтэлсэн: ". */
    postedAtPrefix: string;
    /** Printed right before the category name, separator included. */
    categoryPrefix: string;
    relatedCertificates: string;
    adjacentLabel: string;
    /** The next older article. */
    older: string;
    /** The next newer article. */
    newer: string;
  };
  search: {
    title: string;
    label: string;
    submit: string;
    prompt: string;
    tooLong: (max: number) => string;
    noResults: (text: string) => string;
    resultCount: (text: string, count: number) => string;
    /** Title of the results page: `Хайлт: гэрчилгээ`. */
    resultsTitle: (text: string) => string;
  };
  feed: {
    /** Title of the RSS feed (and of its autodiscovery link). */
    title: (siteName: string) => string;
  };
  pagination: {
    label: string;
    previous: string;
    next: string;
    pageOf: (page: number, pageCount: number) => string;
  };
  certificates: {
    title: string;
    empty: string;
    issuer: string;
    level: string;
    number: string;
    issuedOn: string;
    scanAlt: (certificateName: string) => string;
    relatedArticles: string;
    levels: Record<CertificateLevel, string>;
  };
  footer: { address: string; email: string; phone: string };
  notFound: { title: string; message: string; backHome: string };
  error: ErrorMessages;
  /** The banner on every page in draft mode (opened from the CMS's preview). */
  preview: { banner: string; exit: string };
}

const mn: Dictionary = {
  fallbackSiteName: 'Компанийн мэдээ',
  skipToContent: 'Үндсэн агуулга руу шилжих',
  nav: { label: 'Үндсэн цэс', home: 'Нүүр', news: 'Мэдээ', certificates: 'Гэрчилгээ' },
  languageSwitch: { label: 'Хэл сонгох', unavailable: 'энэ хуудас хятад хэлээр байхгүй' },
  home: {
    title: 'Нүүр',
    latestNews: 'Сүүлийн мэдээ',
    allNews: 'Бүх мэдээ',
    certificates: 'Гэрчилгээ',
    allCertificates: 'Бүх гэрчилгээ',
  },
  news: {
    title: 'Мэдээ',
    pagedTitle: (title, page) => `${title} (${page})`,
    empty: 'Одоогоор мэдээ алга байна.',
    categoryFilterLabel: 'Ангилал',
    allCategories: 'Бүгд',
    articleCount: (count) => `${count} мэдээ`,
  },
  article: {
    postedAtPrefix: 'Нийтэлсэн: ',
    categoryPrefix: 'Ангилал: ',
    relatedCertificates: 'Холбогдох гэрчилгээ',
    adjacentLabel: 'Бусад мэдээ',
    older: 'Өмнөх мэдээ',
    newer: 'Дараагийн мэдээ',
  },
  search: {
    title: 'Хайлт',
    label: 'Мэдээнээс хайх',
    submit: 'Хайх',
    prompt: 'Гарчиг эсвэл товч агуулгаас хайх үгээ оруулна уу.',
    tooLong: (max) => `Хайх үг ${max} тэмдэгтээс урт байж болохгүй. Богиносгоод дахин оролдоно уу.`,
    noResults: (text) => `«${text}» гэсэн үгтэй мэдээ олдсонгүй.`,
    resultCount: (text, count) => `«${text}»: ${count} мэдээ олдлоо.`,
    resultsTitle: (text) => `Хайлт: ${text}`,
  },
  feed: { title: (siteName) => `${siteName} — мэдээ` },
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
  footer: { address: 'Хаяг', email: 'Имэйл', phone: 'Утас' },
  notFound: {
    title: 'Хуудас олдсонгүй',
    message: 'Таны хайсан хуудас байхгүй эсвэл устгагдсан байна.',
    backHome: 'Нүүр хуудас руу буцах',
  },
  error: errorMessages.mn,
  preview: {
    banner: 'Урьдчилан харах горим: нийтлэгдээгүй ноорог харагдаж байна.',
    exit: 'Урьдчилан харахаас гарах',
  },
};

const zh: Dictionary = {
  fallbackSiteName: '公司新闻',
  skipToContent: '跳到主要内容',
  nav: { label: '主导航', home: '首页', news: '新闻', certificates: '资质证书' },
  languageSwitch: { label: '选择语言', unavailable: '本页暂无蒙古文版本' },
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
    articleCount: (count) => `${count} 篇新闻`,
  },
  article: {
    postedAtPrefix: '发布日期：',
    categoryPrefix: '分类：',
    relatedCertificates: '相关证书',
    adjacentLabel: '更多新闻',
    older: '上一篇',
    newer: '下一篇',
  },
  search: {
    title: '搜索',
    label: '搜索新闻',
    submit: '搜索',
    prompt: '请输入要在标题或摘要中查找的关键词。',
    tooLong: (max) => `搜索关键词不能超过 ${max} 个字符，请缩短后重试。`,
    noResults: (text) => `没有找到包含“${text}”的新闻。`,
    resultCount: (text, count) => `“${text}”：共找到 ${count} 条新闻。`,
    resultsTitle: (text) => `搜索：${text}`,
  },
  feed: { title: (siteName) => `${siteName} — 新闻` },
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
  preview: {
    banner: '预览模式：正在显示未发布的草稿。',
    exit: '退出预览',
  },
};

const dictionaries: Record<Locale, Dictionary> = { mn, zh };

export function getDictionary(locale: Locale): Dictionary {
  return dictionaries[locale];
}

/** Each language's name in that language, as the language switch shows it. */
export const localeNames: Record<Locale, string> = { mn: 'Монгол', zh: '中文' };
