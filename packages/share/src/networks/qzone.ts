export * from '../icons/qzone.js';
export const url = 'https://sns.qzone.qq.com/cgi-bin/qzshare/cgi_qzshare_onekey?url=u&title=t&desc=x&pics=i';
