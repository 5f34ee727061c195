export * from '../icons/qq.js';
export const url = 'https://connect.qq.com/widget/shareqq/index.html?url=u&title=t&desc=x&pics=i';
