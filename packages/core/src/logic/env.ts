/** WeChat's in-app browser, which blocks web share links and shows its own ··· menu. */
export const isWeChat = (userAgent: string): boolean => /MicroMessenger/i.test(userAgent);
