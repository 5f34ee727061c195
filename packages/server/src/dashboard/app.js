// The Fanfare dashboard: a static page that reads /api/stats with the admin token the
// marketer types in. The token lives in sessionStorage only, so it is gone with the tab.
/* global Chart */
(() => {
  const messages = {
    en: {
      title: 'Fanfare dashboard', token: 'Admin token', signIn: 'Sign in', signOut: 'Sign out',
      site: 'Site', from: 'From', to: 'To', show: 'Show', last7: 'Last 7 days', last30: 'Last 30 days',
      perDay: 'Events per day', shares: 'Shares by network', gameFunnel: '2048 game', cardFunnel: 'Card maker',
      showFunnel: 'Buyer show', vitals: 'Page speed (Core Web Vitals, p75)', metric: 'Metric', p75: 'p75',
      rating: 'Rating', samples: 'Samples', fanShare: 'Poor ones caused by Fanfare widgets',
      kTotal: 'All events', kShares: 'Shares', kGames: 'Games played', kRewards: 'Rewards won',
      kCards: 'Cards made', kClicks: 'Clicks to products',
      view: 'Saw it', start: 'Started', over: 'Finished', reward: 'Won a reward', create: 'Made a card',
      export: 'Saved', share: 'Sent', open: 'Opened a review', click: 'Clicked a product',
      vsBefore: '{change} vs. the period before', noBefore: 'nothing to compare with', loading: 'Loading…',
      empty: 'No events for this site in these days yet.', badToken: 'That token is not right; type it again.',
      failed: 'Could not load the figures; try again later.', good: 'Good', 'needs-improvement': 'Needs work', poor: 'Poor',
      noSites: 'No site has sent events yet.', other: 'Other', lang: '中文',
    },
    zh: {
      title: 'Fanfare 数据看板', token: '管理员令牌', signIn: '登录', signOut: '退出登录',
      site: '站点', from: '开始日期', to: '结束日期', show: '查询', last7: '近 7 天', last30: '近 30 天',
      perDay: '每日事件', shares: '各平台分享次数', gameFunnel: '2048 小游戏', cardFunnel: '贺卡制作',
      showFunnel: '买家秀', vitals: '页面速度（核心网页指标，P75）', metric: '指标', p75: 'P75',
      rating: '评级', samples: '样本数', fanShare: '较差样本中由 Fanfare 组件导致的占比',
      kTotal: '事件总数', kShares: '分享次数', kGames: '游戏局数', kRewards: '奖励发放数',
      kCards: '贺卡制作数', kClicks: '商品点击次数',
      view: '曝光', start: '开始游戏', over: '完成一局', reward: '获得奖励', create: '制作贺卡',
      export: '保存贺卡', share: '发送贺卡', open: '查看晒图', click: '点击商品',
      // One template with a slot: in Chinese the comparison comes first.
      vsBefore: '较上一周期 {change}', noBefore: '上一周期无数据', loading: '加载中…',
      // Statuses and empty states take no full stop; errors, which are sentences, do.
      empty: '该站点在所选时间段内暂无数据', badToken: '令牌无效，请重新输入。',
      failed: '数据加载失败，请稍后重试。', good: '良好', 'needs-improvement': '待改进', poor: '较差',
      noSites: '暂无站点上报数据', other: '其他', lang: 'English',
    },
  };
  // What the legends call each event name (the wire's `n`) and each share network; an id
  // not listed (from a newer beacon) shows as sent. The network names are the ones
  // <fan-share>'s buttons show (packages/share/src/messages.ts): this page has no build step.
  const events = {
    en: {
      view: 'Seen', share: 'Shares', game_start: 'Games started', game_over: 'Games finished', reward: 'Rewards won',
      card_create: 'Cards made', card_export: 'Cards saved', card_share: 'Cards sent', review_open: 'Reviews opened',
      review_click: 'Product clicks', vital: 'Speed samples',
    },
    zh: {
      view: '曝光', share: '分享', game_start: '开始游戏', game_over: '完成一局', reward: '获得奖励',
      card_create: '制作贺卡', card_export: '保存贺卡', card_share: '发送贺卡', review_open: '查看晒图',
      review_click: '点击商品', vital: '性能采样',
    },
  };
  const networks = {
    en: {
      native: 'Share sheet', copy: 'Copy link', email: 'Email', wechat: 'WeChat', weibo: 'Weibo', qq: 'QQ', qzone: 'Qzone',
      douban: 'Douban', x: 'X', facebook: 'Facebook', linkedin: 'LinkedIn', whatsapp: 'WhatsApp', telegram: 'Telegram',
      reddit: 'Reddit', pinterest: 'Pinterest', line: 'LINE', bluesky: 'Bluesky', threads: 'Threads', mastodon: 'Mastodon', vk: 'VK',
    },
    zh: { native: '系统分享', copy: '复制链接', email: '邮件', wechat: '微信', weibo: '微博', qzone: 'QQ空间', douban: '豆瓣' },
  };
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
  const fmt = (n) => new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en').format(n);
  const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

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
      last = await api(`/api/stats?${q}`);
      render(last);
    } catch (err) {
      if (err.message === 'unauthorized') return;
      // The detail is English from the server or the browser: for the console, not the marketer.
      console.error('Fanfare dashboard: loading the figures failed:', err);
      $('status').textContent = t('failed');
    }
  }

  function trend(now, before) {
    const span = document.createElement('span');
    span.className = 'trend flat';
    if (!before) {
      span.textContent = t('noBefore');
      return span;
    }
    const change = Math.round(((now - before) / before) * 100);
    span.className = `trend ${change > 0 ? 'up' : change < 0 ? 'down' : 'flat'}`;
    span.textContent = t('vsBefore', { change: `${change > 0 ? '▲' : change < 0 ? '▼' : '•'} ${Math.abs(change)}%` });
    return span;
  }

  function kpi(label, now, before) {
    const box = document.createElement('div');
    box.className = 'kpi';
    const l = document.createElement('div');
    l.className = 'label';
    l.textContent = label;
    const v = document.createElement('div');
    v.className = 'value';
    v.textContent = fmt(now);
    box.append(l, v, trend(now, before));
    return box;
  }

  function chart(id, config) {
    charts[id]?.destroy();
    charts[id] = new Chart($(id), config);
  }

  function funnel(id, steps) {
    chart(id, {
      type: 'bar',
      data: {
        labels: steps.map(([key]) => t(key)),
        datasets: [{ data: steps.map(([, n]) => n), backgroundColor: COLORS[0] }],
      },
      options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true } } },
    });
  }

  function render(s) {
    const p = s.previous.totals;
    const n = (name, from = s.totals) => from[name] ?? 0;
    $('status').textContent = s.total === 0 ? t('empty') : '';
    $('kpis').replaceChildren(
      kpi(t('kTotal'), s.total, s.previous.total),
      kpi(t('kShares'), n('share'), n('share', p)),
      kpi(t('kGames'), n('game_start'), n('game_start', p)),
      kpi(t('kRewards'), n('reward'), n('reward', p)),
      kpi(t('kCards'), n('card_create'), n('card_create', p)),
      kpi(t('kClicks'), n('review_click'), n('review_click', p)),
    );
    const names = [...new Set(s.perDay.flatMap((d) => Object.keys(d.counts)))].sort();
    // Every day of the range gets a bar, so a quiet day shows as a gap and not as nothing.
    const byDay = new Map(s.perDay.map((d) => [d.day, d.counts]));
    const days = [];
    for (let ms = s.from; ms < s.to && days.length < 400; ms += 86400000) days.push(isoDay(ms));
    chart('c-days', {
      type: 'bar',
      data: {
        labels: days,
        datasets: names.map((name, i) => ({
          label: nameIn(events, name),
          data: days.map((d) => byDay.get(d)?.[name] ?? 0),
          backgroundColor: COLORS[i % COLORS.length],
        })),
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } },
    });
    chart('c-shares', {
      type: 'doughnut',
      data: {
        labels: s.shares.map((x) => (x.network ? nameIn(networks, x.network) : t('other'))),
        datasets: [{ data: s.shares.map((x) => x.count), backgroundColor: COLORS }],
      },
    });
    const f = s.funnels;
    funnel('c-game', [['view', f.game.view], ['start', f.game.start], ['over', f.game.over], ['reward', f.game.reward]]);
    funnel('c-card', [['view', f.card.view], ['create', f.card.create], ['export', f.card.export], ['share', f.card.share]]);
    funnel('c-show', [['view', f.buyerShow.view], ['open', f.buyerShow.open], ['click', f.buyerShow.click]]);
    const rows = s.vitals.map((v) => {
      const tr = document.createElement('tr');
      const rating = v.p75 <= (GOOD[v.metric] ?? Infinity) ? 'good' : v.p75 < (POOR[v.metric] ?? Infinity) ? 'needs-improvement' : 'poor';
      const value = v.metric === 'CLS' ? v.p75.toFixed(3) : `${fmt(Math.round(v.p75))} ms`;
      const fan = v.metric === 'INP' || v.metric === 'CLS' ? `${Math.round(v.fanShare * 100)}%` : '—';
      for (const [text, cls] of [[v.metric], [value], [t(rating), `rating-${rating}`], [fmt(v.samples)], [fan]]) {
        const td = document.createElement('td');
        td.textContent = text;
        if (cls) td.className = cls;
        tr.append(td);
      }
      return tr;
    });
    $('vitals').tBodies[0].replaceChildren(...rows);
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
