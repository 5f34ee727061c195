// The Fanfare dashboard: a static page that reads /api/stats, /api/attribution,
// /api/campaigns and /api/referrals with the admin token the marketer types in. The token lives in
// sessionStorage only, so it is gone with the tab. Every figure shown is one the API
// answered: this page formats numbers, it never computes them.
/* global Chart */
(() => {
  const messages = {
    en: {
      title: 'Fanfare dashboard', token: 'Admin token', signIn: 'Sign in', signOut: 'Sign out',
      site: 'Site', from: 'From', to: 'To', show: 'Show', last7: 'Last 7 days', last30: 'Last 30 days',
      salesTitle: 'Sharing → sales', trafficTitle: 'Visits and fan actions', widgetsTitle: 'Widgets', speedTitle: 'Page speed',
      fShares: 'Shares', fVisits: 'Visits through shares', fVisitors: 'Visitors', fOrders: 'Orders', fRevenue: 'Revenue',
      cShares: 'Shares', cVisits: 'Visits', cVisitors: 'Visitors', cOrders: 'Orders', cRevenue: 'Revenue',
      noRevenue: 'None yet',
      viral: 'Viral coefficient {n}: each share brought {n} new visitors on average.',
      viralNone: 'No shares in these days, so no viral coefficient yet.',
      coverage: '{a} of {o} orders came through a share ({p}); the other {rest} came some other way.',
      coverageNone: 'No orders in these days.',
      byNetwork: 'By network', byWidget: 'By widget', byPage: 'By page shared', byCampaign: 'By UTM campaign of the visit',
      generations: 'Generations', depth: 'Generation', depthN: '{n}', depth1: '1 (fans)', depth2: '2 (their friends)',
      network: 'Network', widget: 'Widget', page: 'Page', campaign: 'Campaign', none: '(none)', direct: '(direct)',
      csv: 'Download CSV', csvOf: 'Download “{name}” as CSV', emptyTable: 'Nothing yet',
      perDay: 'Visits and fan actions per day', visitsLine: 'Visits',
      topPages: 'Top pages', topSources: 'Top sources', topCampaigns: 'Top UTM campaigns', source: 'Source', count: 'Visits',
      goals: 'Goals', goalName: 'Goal', reached: 'Times reached', goalsNone: 'No goal was reached in these days.',
      shares: 'Shares by network', gameFunnel: '2048 game', cardFunnel: 'Card maker',
      showFunnel: 'Buyer show', vitals: 'Page speed (Core Web Vitals, p75)', metric: 'Metric', p75: 'p75',
      rating: 'Rating', samples: 'Samples', fanShare: 'Poor ones caused by Fanfare widgets',
      slowTitle: 'Poor INP and CLS traced to a widget', poorSamples: 'Poor samples', worst: 'Worst',
      slowNone: 'No poor INP or CLS was traced to a widget.',
      interaction: 'Interaction', tap: 'tap or click', key: 'key press', unknownInteraction: '—',
      rewards: 'Reward pools', campaignName: 'Campaign', reward: 'Reward', goal: 'Goal', given: 'Given', left: 'Left',
      unlimited: 'Unlimited', noCampaigns: 'No campaign is configured.', goalTile: 'Reach the {n} tile', goalScore: 'Score {n}',
      kVisits: 'Visits', kActions: 'Fan actions', kShares: 'Shares', kGames: 'Games played', kRewards: 'Rewards won',
      kCards: 'Cards made', kClicks: 'Clicks to products',
      view: 'Saw it', start: 'Started', over: 'Finished', rewardStep: 'Won a reward', create: 'Made a card',
      export: 'Saved', share: 'Sent', open: 'Opened a review', click: 'Clicked a product',
      vsBefore: '{change} vs. the period before', noBefore: 'The period before has no data, so there is nothing to compare with yet.',
      loading: 'Loading…',
      empty: 'No events for this site in these days yet.', badToken: 'That token is not right; type it again.',
      failed: 'Could not load the figures; try again later.', good: 'Good', 'needs-improvement': 'Needs work', poor: 'Poor',
      noSites: 'No site has sent events yet.', other: 'Other', lang: '中文',
      invitesTitle: 'Invites', kInvites: 'Invites started', kFriends: 'Friends brought', kGiven: 'Rewards given',
      inviteCampaigns: 'Invite campaigns', cInvites: 'Invites', cFriends: 'Friends', reachedGoal: 'Reached the goal',
      holdoutTitle: 'Friends per invite, with the offer and without', perInviteWith: 'With the offer',
      perInviteWithout: 'Without (holdout)', liftCol: 'Difference', perInviteOf: '{n} ({i} invites)', perInviteOf1: '{n} (1 invite)',
      holdoutNone: 'No campaign has a holdout: set "holdout" (for example 0.1) to measure what the offer itself brings.',
      holdoutLine: '{name}: with the offer each invite brought {a} friends, without it {b}.',
      inviteNetworks: 'Where invites were shared', noInvites: 'No invite campaign for this site.',
    },
    zh: {
      title: 'Fanfare 数据看板', token: '管理员令牌', signIn: '登录', signOut: '退出登录',
      site: '站点', from: '开始日期', to: '结束日期', show: '查询', last7: '近 7 天', last30: '近 30 天',
      salesTitle: '分享带来的成交', trafficTitle: '访问与粉丝互动', widgetsTitle: '组件表现', speedTitle: '页面速度',
      fShares: '分享次数', fVisits: '分享带来的访问', fVisitors: '访客数', fOrders: '订单数', fRevenue: '销售额',
      cShares: '分享', cVisits: '访问', cVisitors: '访客', cOrders: '订单', cRevenue: '销售额',
      noRevenue: '暂无',
      viral: '裂变系数 {n}：平均每次分享带来 {n} 位新访客。',
      viralNone: '所选时间段内暂无分享，暂无法计算裂变系数。',
      coverage: '{o} 笔订单中有 {a} 笔来自分享（{p}），其余 {rest} 笔来自其他渠道。',
      coverageNone: '所选时间段内暂无订单。',
      byNetwork: '按平台', byWidget: '按组件', byPage: '按分享页面', byCampaign: '按访问的 UTM 活动',
      generations: '分享层级', depth: '层级', depthN: '第 {n} 层', depth1: '第 1 层（粉丝）', depth2: '第 2 层（粉丝的好友）',
      network: '平台', widget: '组件', page: '页面', campaign: '活动', none: '（无）', direct: '（直接访问）',
      csv: '导出 CSV', csvOf: '将“{name}”导出为 CSV', emptyTable: '暂无数据',
      perDay: '每日访问与粉丝互动', visitsLine: '访问量',
      topPages: '热门页面', topSources: '主要来源', topCampaigns: '主要 UTM 活动', source: '来源', count: '访问量',
      goals: '转化目标', goalName: '目标', reached: '达成次数', goalsNone: '所选时间段内暂无达成的转化目标',
      shares: '各平台分享次数', gameFunnel: '2048 小游戏', cardFunnel: '贺卡制作',
      showFunnel: '买家秀', vitals: '页面速度（核心网页指标，P75）', metric: '指标', p75: 'P75',
      rating: '评级', samples: '样本数', fanShare: '较差样本中由 Fanfare 组件导致的占比',
      slowTitle: '可追溯到组件的较差 INP 与 CLS', poorSamples: '较差样本数', worst: '最差值',
      slowNone: '暂无可追溯到组件的较差 INP 或 CLS',
      interaction: '交互', tap: '点击', key: '按键', unknownInteraction: '—',
      rewards: '奖励池', campaignName: '活动', reward: '奖励', goal: '领取条件', given: '已发放', left: '剩余',
      unlimited: '不限量', noCampaigns: '尚未配置活动', goalTile: '合成 {n} 方块', goalScore: '得分达到 {n}',
      kVisits: '访问量', kActions: '粉丝互动数', kShares: '分享次数', kGames: '游戏局数', kRewards: '奖励发放数',
      kCards: '贺卡制作数', kClicks: '商品点击次数',
      view: '曝光', start: '开始游戏', over: '完成一局', rewardStep: '获得奖励', create: '制作贺卡',
      export: '保存贺卡', share: '发送贺卡', open: '查看晒图', click: '点击商品',
      // One template with a slot: in Chinese the comparison comes first.
      vsBefore: '较上一周期 {change}', noBefore: '上一周期暂无数据，暂不显示环比。', loading: '加载中…',
      // Statuses and empty states take no full stop; errors, which are sentences, do.
      empty: '该站点在所选时间段内暂无数据', badToken: '令牌无效，请重新输入。',
      failed: '数据加载失败，请稍后重试。', good: '良好', 'needs-improvement': '待改进', poor: '较差',
      noSites: '暂无站点上报数据', other: '其他', lang: 'English',
      invitesTitle: '邀请好友', kInvites: '发起邀请数', kFriends: '带来好友数', kGiven: '奖励发放数',
      inviteCampaigns: '邀请活动', cInvites: '邀请数', cFriends: '好友数', reachedGoal: '达标邀请数',
      holdoutTitle: '每次邀请带来的好友：有奖励与无奖励对比', perInviteWith: '有奖励',
      perInviteWithout: '无奖励（对照组）', liftCol: '差值', perInviteOf: '{n}（{i} 次邀请）', perInviteOf1: '{n}（1 次邀请）',
      holdoutNone: '尚未设置对照组：在活动中设置 holdout（例如 0.1），即可衡量奖励本身带来的效果。',
      holdoutLine: '{name}：有奖励时每次邀请带来 {a} 位好友，无奖励时为 {b} 位。',
      inviteNetworks: '邀请分享平台', noInvites: '该站点尚未配置邀请活动',
    },
  };
  // What the legends call each event name (the wire's `n`), share network and widget; an id
  // not listed (from a newer beacon) shows as sent. The network names are the ones
  // <fan-share>'s buttons show (packages/share/src/messages.ts): this page has no build step.
  const events = {
    en: {
      view: 'Seen', share: 'Shares', game_start: 'Games started', game_over: 'Games finished', reward: 'Rewards won',
      card_create: 'Cards made', card_export: 'Cards saved', card_share: 'Cards sent', review_open: 'Reviews opened',
      review_click: 'Product clicks', vital: 'Speed samples', pageview: 'Visits', conversion: 'Orders', goal: 'Goals reached',
      invite_start: 'Invites started', review_submit: 'Reviews posted',
    },
    zh: {
      view: '曝光', share: '分享', game_start: '开始游戏', game_over: '完成一局', reward: '获得奖励',
      card_create: '制作贺卡', card_export: '保存贺卡', card_share: '发送贺卡', review_open: '查看晒图',
      review_click: '点击商品', vital: '性能采样', pageview: '访问', conversion: '订单', goal: '达成目标',
      invite_start: '发起邀请', review_submit: '发布晒单',
    },
  };
  const networks = {
    en: {
      native: 'Share sheet', copy: 'Copy link', email: 'Email', wechat: 'WeChat', weibo: 'Weibo', qq: 'QQ', qzone: 'Qzone',
      douban: 'Douban', x: 'X', facebook: 'Facebook', linkedin: 'LinkedIn', whatsapp: 'WhatsApp', telegram: 'Telegram',
      reddit: 'Reddit', pinterest: 'Pinterest', line: 'LINE', bluesky: 'Bluesky', threads: 'Threads', mastodon: 'Mastodon', vk: 'VK',
      // A card maker's channels (fan-card-share's `channel`).
      files: 'Shared as a file', link: 'Sent as a link', download: 'Downloaded',
    },
    zh: {
      native: '系统分享', copy: '复制链接', email: '邮件', wechat: '微信', weibo: '微博', qzone: 'QQ空间', douban: '豆瓣',
      files: '以文件分享', link: '以链接发送', download: '下载',
    },
  };
  const widgets = {
    en: {
      'fan-share': 'Share buttons', 'fan-2048': '2048 game', 'fan-card-maker': 'Card maker', 'fan-buyer-show': 'Buyer show',
      'fan-invite': 'Invite friends', 'fan-review-form': 'Review form', 'fan-carousel': 'Carousel', page: 'The page itself',
    },
    zh: {
      'fan-share': '分享按钮', 'fan-2048': '2048 小游戏', 'fan-card-maker': '贺卡制作', 'fan-buyer-show': '买家秀',
      'fan-invite': '邀请好友', 'fan-review-form': '晒单表单', 'fan-carousel': '轮播图', page: '页面本身',
    },
  };
  // Not a fan's doing: measurements and page events. The API counts them apart (`interactions`).
  const NOT_ACTIONS = new Set(['view', 'vital', 'pageview', 'conversion', 'goal']);
  const POOR = { LCP: 4000, INP: 500, CLS: 0.25, FCP: 3000, TTFB: 1800 };
  const GOOD = { LCP: 2500, INP: 200, CLS: 0.1, FCP: 1800, TTFB: 800 };
  const COLORS = ['#6d28d9', '#0ea5e9', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6', '#14b8a6', '#f97316', '#64748b', '#ec4899', '#84cc16'];

  const $ = (id) => document.getElementById(id);
  let lang = sessionStorage.getItem('fanfare.lang') || (navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en');
  const t = (key, vars = {}) =>
    (messages[lang][key] ?? messages.en[key] ?? key).replace(/\{(\w+)\}/g, (m, name) => vars[name] ?? m);
  const nameIn = (table, id) => table[lang][id] ?? table.en[id] ?? id;
  const charts = {};
  let last;

  function applyLang() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('title');
    for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    // The button names the other language in that language, so a screen reader must read it in that one.
    $('lang').textContent = t('lang');
    $('lang').lang = lang === 'zh' ? 'en' : 'zh-CN';
    if (last) render(last);
  }

  const token = () => sessionStorage.getItem('fanfare.token');
  const locale = () => (lang === 'zh' ? 'zh-CN' : 'en');
  const fmt = (n) => new Intl.NumberFormat(locale()).format(n);
  const pct = (n) => new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(n);
  const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
  // An amount is the API's decimal string; Intl formats it without turning it into a float first where it can.
  const money = ({ currency, amount }) => {
    try {
      return new Intl.NumberFormat(locale(), { style: 'currency', currency, currencyDisplay: 'code' }).format(amount);
    } catch {
      return `${amount} ${currency}`;
    }
  };
  // One currency a line: amounts in different currencies are never added, so never run together either.
  const amounts = (list) => {
    if (list.length === 0) return '—';
    const box = document.createDocumentFragment();
    for (const m of list) box.append(el('span', '', money(m)));
    return box;
  };
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  async function api(path) {
    const res = await fetch(path, { headers: { authorization: `Bearer ${token()}` }, cache: 'no-store' });
    if (res.status === 401) {
      sessionStorage.removeItem('fanfare.token');
      showLogin(t('badToken'));
      throw new Error('unauthorized');
    }
    const body = await res.json();
    if (!res.ok) throw new Error(body.message || res.statusText);
    return body;
  }

  function showLogin(error) {
    $('board').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = error || '';
    $('token').focus();
  }

  async function showBoard() {
    $('login').hidden = true;
    $('board').hidden = false;
    const { sites } = await api('/api/sites');
    const select = $('site');
    select.replaceChildren(...sites.map((s) => new Option(s, s)));
    const saved = sessionStorage.getItem('fanfare.site');
    if (saved && sites.includes(saved)) select.value = saved;
    if (sites.length === 0) {
      $('status').textContent = t('noSites');
      return;
    }
    if (!$('from').value) setDays(7);
    await load();
  }

  function setDays(days) {
    const today = Date.now();
    $('to').value = isoDay(today);
    $('from').value = isoDay(today - (days - 1) * 86400000);
  }

  async function load() {
    const site = $('site').value;
    if (!site) return;
    sessionStorage.setItem('fanfare.site', site);
    $('status').textContent = t('loading');
    try {
      const q = new URLSearchParams({ site, from: $('from').value, to: $('to').value });
      const [stats, attribution, { campaigns }, invites] = await Promise.all([
        api(`/api/stats?${q}`),
        api(`/api/attribution?${q}`),
        api('/api/campaigns'),
        api(`/api/referrals?${q}`),
      ]);
      last = { stats, attribution, campaigns: campaigns.filter((c) => c.site === null || c.site === site), invites };
      render(last);
    } catch (err) {
      if (err.message === 'unauthorized') return;
      // The detail is English from the server or the browser: for the console, not the marketer.
      console.error('Fanfare dashboard: loading the figures failed:', err);
      $('status').textContent = t('failed');
    }
  }

  // ---- tables, each with its CSV -------------------------------------------------------

  function csvCell(value) {
    const s = String(value ?? '');
    // A leading = + - @ would run as a formula in a spreadsheet: quote it as text.
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  }

  function download(name, columns, rows) {
    const lines = [columns.map((c) => csvCell(c.label)), ...rows.map((r) => columns.map((c) => csvCell(c.csv ? c.csv(r) : r[c.key])))];
    // The BOM makes Excel read the Chinese names as UTF-8.
    const blob = new Blob(['\ufeff', lines.map((l) => l.join(',')).join('\r\n')], { type: 'text/csv;charset=utf-8' });
    const a = el('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${$('site').value}-${name}-${$('from').value}-${$('to').value}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  /**
   * A table in figure `id`: `columns` are {key, label, num?, show?(row), csv?(row), wrap?};
   * `name` names the CSV file, which holds the raw ids and amounts the API sent.
   */
  function table(id, { title, name, columns, rows, empty }) {
    const fig = $(id);
    const caption = el('figcaption', 'with-action');
    caption.append(el('span', '', title));
    if (name && rows.length > 0) {
      const button = el('button', 'link small', t('csv'));
      button.type = 'button';
      button.setAttribute('aria-label', t('csvOf', { name: title }));
      button.addEventListener('click', () => download(name, columns, rows));
      caption.append(button);
    }
    const body = [];
    if (rows.length === 0) {
      body.push(el('p', 'empty', empty ?? t('emptyTable')));
    } else {
      const wrap = el('div', 'table-wrap');
      const tableEl = el('table');
      const head = el('tr');
      for (const c of columns) head.append(el('th', c.num ? 'num' : '', c.label));
      tableEl.append(el('thead'), el('tbody'));
      tableEl.tHead.append(head);
      for (const r of rows) {
        const tr = el('tr');
        for (const c of columns) {
          const value = c.show ? c.show(r) : c.num ? fmt(r[c.key]) : r[c.key];
          const td = el('td', [c.num ? 'num' : '', c.wrap ? 'wrap' : '', c.cls ? c.cls(r) : ''].join(' ').trim());
          td.append(value);
          tr.append(td);
        }
        tableEl.tBodies[0].append(tr);
      }
      wrap.append(tableEl);
      body.push(wrap);
    }
    fig.replaceChildren(caption, ...body);
  }

  const funnelColumns = (first, withShares = true) => [
    first,
    ...(withShares ? [{ key: 'shares', label: t('cShares'), num: true }] : []),
    { key: 'visits', label: t('cVisits'), num: true },
    { key: 'visitors', label: t('cVisitors'), num: true },
    { key: 'orders', label: t('cOrders'), num: true },
    { key: 'revenue', label: t('cRevenue'), num: true, cls: () => 'amounts', show: (r) => amounts(r.revenue), csv: (r) => r.revenue.map((m) => `${m.amount} ${m.currency}`).join('; ') },
  ];

  // ---- the screens ----------------------------------------------------------------------

  function renderSales(a) {
    const steps = [
      ['fShares', fmt(a.shares)],
      ['fVisits', fmt(a.visits)],
      ['fVisitors', fmt(a.visitors)],
      ['fOrders', fmt(a.orders)],
    ];
    const items = steps.map(([key, value]) => {
      const li = el('li', 'kpi');
      li.append(el('div', 'label', t(key)), el('div', 'value', value));
      return li;
    });
    const revenue = el('li', 'kpi revenue');
    revenue.append(el('div', 'label', t('fRevenue')));
    if (a.revenue.length === 0) revenue.append(el('div', 'value muted', t('noRevenue')));
    for (const m of a.revenue) revenue.append(el('div', 'value', money(m)));
    $('funnel').replaceChildren(...items, revenue);

    $('viral').textContent = a.shares === 0 ? t('viralNone') : t('viral', { n: fmt(a.viralCoefficient) });
    const c = a.coverage;
    $('coverage').textContent =
      c.orders === 0 ? t('coverageNone') : t('coverage', { a: fmt(c.attributed), o: fmt(c.orders), p: pct(c.attributed / c.orders), rest: fmt(c.orders - c.attributed) });

    const network = { key: 'network', label: t('network'), show: (r) => (r.network ? nameIn(networks, r.network) : t('other')) };
    table('t-network', { title: t('byNetwork'), name: 'by-network', columns: funnelColumns(network), rows: a.byNetwork });
    const widget = { key: 'widget', label: t('widget'), show: (r) => nameIn(widgets, r.widget) };
    table('t-widget', { title: t('byWidget'), name: 'by-widget', columns: funnelColumns(widget), rows: a.byWidget });
    const page = { key: 'page', label: t('page'), wrap: true, show: (r) => shortUrl(r.page) };
    table('t-page', { title: t('byPage'), name: 'by-page', columns: funnelColumns(page), rows: a.byPage });
    const campaign = { key: 'campaign', label: t('campaign'), show: (r) => r.campaign || t('none') };
    table('t-campaign', { title: t('byCampaign'), name: 'by-campaign', columns: funnelColumns(campaign, false), rows: a.byCampaign });
    const depth = { key: 'depth', label: t('depth'), show: (r) => (r.depth <= 2 ? t(`depth${r.depth}`) : t('depthN', { n: r.depth })) };
    table('t-generations', {
      title: t('generations'),
      name: 'generations',
      columns: [depth, { key: 'shares', label: t('cShares'), num: true }, { key: 'visits', label: t('cVisits'), num: true }, { key: 'orders', label: t('cOrders'), num: true }],
      rows: a.generations,
    });
  }

  // <fan-invite>: what invites brought, and what the offer itself brought (the holdout shares without it).
  function renderInvites(r) {
    $('invite-kpis').replaceChildren(kpi(t('kInvites'), r.invites), kpi(t('kFriends'), r.friends), kpi(t('kGiven'), r.rewards));
    const held = r.campaigns.filter((c) => c.control.invites > 0);
    $('holdout-note').textContent =
      r.campaigns.length === 0 ? '' : held.length === 0 ? t('holdoutNone') : held.map((c) => t('holdoutLine', { name: c.name, a: fmt(c.offer.perInvite), b: fmt(c.control.perInvite) })).join(' ');
    table('t-invites', {
      title: t('inviteCampaigns'),
      name: 'invites',
      empty: t('noInvites'),
      columns: [
        { key: 'name', label: t('campaignName') },
        { key: 'title', label: t('reward'), wrap: true },
        { key: 'invites', label: t('cInvites'), num: true, show: (c) => fmt(c.offer.invites + c.control.invites), csv: (c) => c.offer.invites + c.control.invites },
        { key: 'friends', label: t('cFriends'), num: true, show: (c) => fmt(c.offer.friends + c.control.friends), csv: (c) => c.offer.friends + c.control.friends },
        { key: 'reached', label: t('reachedGoal'), num: true, show: (c) => fmt(c.offer.reached), csv: (c) => c.offer.reached },
        { key: 'rewards', label: t('given'), num: true },
        { key: 'left', label: t('left'), num: true, show: (c) => (c.left === null ? t('unlimited') : fmt(c.left)), csv: (c) => c.left ?? '', cls: (c) => (c.left === 0 ? 'rating-poor' : '') },
      ],
      rows: r.campaigns,
    });
    const per = (arm) => t(arm.invites === 1 ? 'perInviteOf1' : 'perInviteOf', { n: fmt(arm.perInvite), i: fmt(arm.invites) });
    table('t-holdout', {
      title: t('holdoutTitle'),
      name: 'invite-holdout',
      empty: t('holdoutNone'),
      columns: [
        { key: 'name', label: t('campaignName') },
        { key: 'offer', label: t('perInviteWith'), num: true, show: (c) => per(c.offer), csv: (c) => c.offer.perInvite },
        { key: 'control', label: t('perInviteWithout'), num: true, show: (c) => per(c.control), csv: (c) => c.control.perInvite },
        { key: 'lift', label: t('liftCol'), num: true, show: (c) => `${c.lift > 0 ? '+' : ''}${fmt(c.lift)}` },
      ],
      rows: held,
    });
    const network = { key: 'network', label: t('network'), show: (x) => (x.network ? nameIn(networks, x.network) : t('other')) };
    table('t-invite-networks', {
      title: t('inviteNetworks'),
      name: 'invite-networks',
      columns: [network, { key: 'shares', label: t('cShares'), num: true }, { key: 'invites', label: t('cInvites'), num: true }],
      rows: r.networks,
    });
  }

  function shortUrl(url) {
    try {
      const u = new URL(url);
      return `${u.host}${u.pathname === '/' ? '' : u.pathname}`;
    } catch {
      return url || t('none');
    }
  }

  function kpi(label, now) {
    const box = el('div', 'kpi');
    box.append(el('div', 'label', label), el('div', 'value', fmt(now)));
    return box;
  }

  function trend(now, before) {
    if (!before) return el('span', 'trend flat', '—');
    const change = Math.round(((now - before) / before) * 100);
    return el('span', `trend ${change > 0 ? 'up' : change < 0 ? 'down' : 'flat'}`, t('vsBefore', { change: `${change > 0 ? '▲' : change < 0 ? '▼' : '•'} ${Math.abs(change)}%` }));
  }

  function chart(id, config) {
    charts[id]?.destroy();
    charts[id] = new Chart($(id), config);
  }

  const narrow = () => window.matchMedia('(max-width: 600px)').matches;

  // A chart with nothing to draw says so, rather than show empty axes.
  function emptyChart(id, isEmpty) {
    const box = $(id).parentElement;
    box.hidden = isEmpty;
    let note = box.nextElementSibling;
    if (!note?.classList.contains('empty')) {
      note = el('p', 'empty');
      box.after(note);
    }
    note.textContent = isEmpty ? t('emptyTable') : '';
    note.hidden = !isEmpty;
    if (isEmpty) {
      charts[id]?.destroy();
      delete charts[id];
    }
    return isEmpty;
  }

  function funnelChart(id, steps) {
    if (emptyChart(id, steps.every(([, n]) => n === 0))) return;
    chart(id, {
      type: 'bar',
      data: { labels: steps.map(([key]) => t(key)), datasets: [{ data: steps.map(([, n]) => n), backgroundColor: COLORS[0] }] },
      options: { maintainAspectRatio: false, indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }

  function renderTraffic(s) {
    const p = s.previous;
    const n = (name, from = s.totals) => from[name] ?? 0;
    // One line says there is nothing to compare with, rather than every box saying it.
    const comparable = p.total > 0;
    const boxes = [
      [t('kVisits'), s.visits, p.visits],
      [t('kActions'), s.interactions, p.interactions],
      [t('kShares'), n('share'), n('share', p.totals)],
      [t('kGames'), n('game_start'), n('game_start', p.totals)],
      [t('kRewards'), n('reward'), n('reward', p.totals)],
      [t('kCards'), n('card_create'), n('card_create', p.totals)],
      [t('kClicks'), n('review_click'), n('review_click', p.totals)],
    ].map(([label, now, before]) => {
      const box = kpi(label, now);
      if (comparable) box.append(trend(now, before));
      return box;
    });
    $('kpis').replaceChildren(...boxes);
    $('compare').textContent = comparable ? '' : t('noBefore');

    // Fan actions stack by name; visits are a line of their own. Views and vitals are the beacon's noise.
    const names = [...new Set(s.perDay.flatMap((d) => Object.keys(d.counts)))].filter((x) => !NOT_ACTIONS.has(x)).sort();
    const byDay = new Map(s.perDay.map((d) => [d.day, d.counts]));
    const days = [];
    for (let ms = s.from; ms < s.to && days.length < 400; ms += 86400000) days.push(isoDay(ms));
    const label = (d) => new Intl.DateTimeFormat(locale(), { month: 'numeric', day: 'numeric', timeZone: 'UTC' }).format(Date.parse(d));
    chart('c-days', {
      data: {
        labels: days.map(label),
        datasets: [
          { type: 'line', label: t('visitsLine'), data: days.map((d) => byDay.get(d)?.pageview ?? 0), borderColor: '#111827', backgroundColor: '#111827', yAxisID: 'y', tension: 0.2 },
          ...names.map((name, i) => ({
            type: 'bar',
            label: nameIn(events, name),
            data: days.map((d) => byDay.get(d)?.[name] ?? 0),
            backgroundColor: COLORS[i % COLORS.length],
            stack: 'actions',
          })),
        ],
      },
      options: {
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12, font: { size: narrow() ? 11 : 12 } } } },
        scales: { x: { stacked: true, ticks: { autoSkip: true, maxRotation: 0 } }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    const count = { key: 'count', label: t('count'), num: true };
    table('t-pages', { title: t('topPages'), name: 'top-pages', columns: [{ key: 'page', label: t('page'), wrap: true, show: (r) => shortUrl(r.page) }, count], rows: s.topPages });
    table('t-sources', { title: t('topSources'), name: 'top-sources', columns: [{ key: 'source', label: t('source'), wrap: true, show: (r) => (r.source ? shortUrl(r.source) : t('direct')) }, count], rows: s.topSources });
    table('t-campaigns', { title: t('topCampaigns'), name: 'top-campaigns', columns: [{ key: 'campaign', label: t('campaign') }, count], rows: s.topCampaigns });
    // A goal's name is the site's own (track('newsletter')), so it shows as sent, in either language.
    table('t-goals', {
      title: t('goals'),
      name: 'goals',
      empty: t('goalsNone'),
      columns: [{ key: 'name', label: t('goalName'), wrap: true }, { key: 'count', label: t('reached'), num: true }],
      rows: s.goals ?? [],
    });
  }

  function renderWidgets(s, campaigns) {
    if (!emptyChart('c-shares', s.shares.length === 0)) chart('c-shares', {
      type: 'doughnut',
      data: {
        labels: s.shares.map((x) => (x.network ? nameIn(networks, x.network) : t('other'))),
        datasets: [{ data: s.shares.map((x) => x.count), backgroundColor: COLORS }],
      },
      options: { maintainAspectRatio: false, plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } } },
    });
    const f = s.funnels;
    funnelChart('c-game', [['view', f.game.view], ['start', f.game.start], ['over', f.game.over], ['rewardStep', f.game.reward]]);
    funnelChart('c-card', [['view', f.card.view], ['create', f.card.create], ['export', f.card.export], ['share', f.card.share]]);
    funnelChart('c-show', [['view', f.buyerShow.view], ['open', f.buyerShow.open], ['click', f.buyerShow.click]]);

    const tiers = campaigns.flatMap((c) => c.tiers.map((tier) => ({ campaign: c.name, ...tier })));
    // A tile is a name ("the 2048 tile"), not a quantity: no thousands separator.
    const goal = (r) => (r.goal.tile !== undefined ? t('goalTile', { n: String(r.goal.tile) }) : t('goalScore', { n: fmt(r.goal.score) }));
    table('t-rewards', {
      title: t('rewards'),
      name: 'reward-pools',
      empty: t('noCampaigns'),
      columns: [
        { key: 'campaign', label: t('campaignName') },
        { key: 'title', label: t('reward'), wrap: true },
        { key: 'goal', label: t('goal'), show: goal, csv: (r) => (r.goal.tile !== undefined ? `tile ${r.goal.tile}` : `score ${r.goal.score}`) },
        { key: 'given', label: t('given'), num: true },
        { key: 'left', label: t('left'), num: true, show: (r) => (r.left === null ? t('unlimited') : fmt(r.left)), csv: (r) => r.left ?? '', cls: (r) => (r.left === 0 ? 'rating-poor' : '') },
      ],
      rows: tiers,
    });
  }

  function renderSpeed(s) {
    const rating = (v) => (v.p75 <= (GOOD[v.metric] ?? Infinity) ? 'good' : v.p75 < (POOR[v.metric] ?? Infinity) ? 'needs-improvement' : 'poor');
    const value = (metric, v) => (metric === 'CLS' ? v.toFixed(3) : `${fmt(Math.round(v))} ms`);
    table('t-vitals', {
      title: t('vitals'),
      columns: [
        { key: 'metric', label: t('metric') },
        { key: 'p75', label: t('p75'), num: true, show: (v) => value(v.metric, v.p75) },
        { key: 'rating', label: t('rating'), show: (v) => t(rating(v)), cls: (v) => `rating-${rating(v)}` },
        { key: 'samples', label: t('samples'), num: true },
        { key: 'fanShare', label: t('fanShare'), num: true, show: (v) => (v.metric === 'INP' || v.metric === 'CLS' ? pct(v.fanShare) : '—') },
      ],
      rows: s.vitals,
    });
    table('t-slow', {
      title: t('slowTitle'),
      name: 'slow-widgets',
      empty: t('slowNone'),
      columns: [
        { key: 'widget', label: t('widget'), show: (r) => (r.widget ? nameIn(widgets, r.widget) : t('other')) },
        { key: 'metric', label: t('metric') },
        { key: 'interaction', label: t('interaction'), wrap: true, show: interactionText },
        { key: 'poor', label: t('poorSamples'), num: true, show: (r) => fmt(Math.round(r.poor)) },
        { key: 'worst', label: t('worst'), num: true, show: (r) => value(r.metric, r.worst) },
      ],
      rows: s.slowWidgets,
    });
  }

  // The beacon names an INP's interaction as "<event> <part or tag>" ("keydown board"): the
  // event reads in the page's language, the part stays as the widget's docs name it.
  function interactionText(r) {
    const [event, ...what] = (r.interaction || '').split(' ');
    if (!event) return t('unknownInteraction');
    const kind = /^key/.test(event) ? t('key') : /^(pointer|click|mouse|touch)/.test(event) ? t('tap') : event;
    return what.length ? `${kind} · ${what.join(' ')}` : kind;
  }

  function render({ stats, attribution, campaigns, invites }) {
    $('status').textContent = stats.total === 0 && attribution.coverage.orders === 0 ? t('empty') : '';
    renderSales(attribution);
    renderInvites(invites);
    renderTraffic(stats);
    renderWidgets(stats, campaigns);
    renderSpeed(stats);
  }

  $('login').addEventListener('submit', (e) => {
    e.preventDefault();
    sessionStorage.setItem('fanfare.token', $('token').value.trim());
    $('token').value = '';
    showBoard().catch(() => {});
  });
  $('filters').addEventListener('submit', (e) => {
    e.preventDefault();
    load();
  });
  $('site').addEventListener('change', load);
  for (const b of document.querySelectorAll('[data-days]')) {
    b.addEventListener('click', () => {
      setDays(Number(b.dataset.days));
      load();
    });
  }
  $('logout').addEventListener('click', () => {
    sessionStorage.removeItem('fanfare.token');
    last = undefined;
    showLogin();
  });
  $('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    sessionStorage.setItem('fanfare.lang', lang);
    applyLang();
  });

  applyLang();
  if (token()) showBoard().catch(() => {});
  else showLogin();
})();
