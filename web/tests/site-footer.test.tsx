/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import { SiteFooter } from '@/components/SiteFooter';
import { getDictionary } from '@/lib/i18n/dictionaries';
import type { SiteSettings } from '@/lib/strapi';

const settings: SiteSettings = {
  siteName: '公司新闻',
  companyName: '青岛某某科技有限公司',
  footer: null,
  address: null,
  email: null,
  phone: null,
  icpFiling: '鲁ICP备12345678号-1',
  publicSecurityFiling: '鲁公网安备 37021202000123号',
  seo: { title: '公司新闻', description: null },
};

const renderFooter = (locale: string, overrides: Partial<SiteSettings> = {}) =>
  render(
    <SiteFooter
      settings={{ ...settings, ...overrides }}
      siteName={settings.siteName}
      dictionary={getDictionary(locale)}
      locale={locale}
    />,
  );

describe('SiteFooter filing numbers', () => {
  it('the zh footer links the ICP number to MIIT and the public-security number to its registry by digits', () => {
    renderFooter('zh');
    const filings = screen.getByRole('list', { name: '备案信息' });
    const icp = within(filings).getByRole('link', { name: '鲁ICP备12345678号-1' });
    expect(icp.getAttribute('href')).toBe('https://beian.miit.gov.cn/');
    const publicSecurity = within(filings).getByRole('link', { name: '鲁公网安备 37021202000123号' });
    expect(publicSecurity.getAttribute('href')).toBe('https://beian.mps.gov.cn/#/query/webSearch?code=37021202000123');
  });

  it('shows only the number that is set', () => {
    renderFooter('zh', { icpFiling: null });
    expect(screen.queryByText(/ICP备/)).toBeNull();
    expect(screen.getByRole('link', { name: '鲁公网安备 37021202000123号' })).toBeTruthy();
  });

  it('shows no list when neither is set', () => {
    renderFooter('zh', { icpFiling: null, publicSecurityFiling: null });
    expect(screen.queryByRole('list', { name: '备案信息' })).toBeNull();
  });

  it('the mn footer shows neither: the filings concern the site served in mainland China', () => {
    renderFooter('mn');
    expect(screen.queryByText(/ICP备|公网安备/)).toBeNull();
  });
});
