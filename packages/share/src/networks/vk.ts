export * from '../icons/vk.js';
export const url = 'https://vk.com/share.php?url=u&title=t&image=i';
