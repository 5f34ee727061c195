export * from '../icons/whatsapp.js';
export const url = 'https://wa.me/?text=s';
