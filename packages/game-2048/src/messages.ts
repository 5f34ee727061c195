import type { Messages } from '@fanfare/core';

// The game's own words. What a fan reads for a server's refusal comes from core's one
// list of error codes (@fanfare/core/errors), shared with the server.

type Key =
  | 'board' | 'score' | 'best' | 'restart' | 'playAgain' | 'keepGoing' | 'won' | 'over' | 'rewards'
  | 'tile' | 'tileNamed' | 'points' | 'codeIs' | 'claimed' | 'code' | 'copy' | 'copied' | 'copyFailed'
  | 'close' | 'checking' | 'starting' | 'share' | 'shareText' | 'up' | 'right' | 'down' | 'left'
  | 'moved' | 'merged' | 'congrats';

export const messages: Messages<Key> = {
  en: {
    board: '2048 board: arrow keys, WASD or HJKL move the tiles',
    score: 'Score',
    best: 'Best',
    restart: 'New game',
    playAgain: 'New game',
    keepGoing: 'Keep going',
    won: 'You made 2048!',
    over: 'Game over',
    rewards: 'Rewards',
    tile: 'Make a {n} tile: {title}',
    tileNamed: 'Make “{label}”: {title}',
    points: 'Score {n}: {title}',
    // After a reward in the list: the code it gave, or that it was won (an inline reward without a code).
    codeIs: ' — code ',
    claimed: ' (won)',
    code: 'Reward code',
    copy: 'Copy code',
    copied: 'Copied',
    copyFailed: 'Could not copy: the code is selected, copy it by hand.',
    close: 'Close',
    checking: 'Checking your game…',
    starting: 'Starting…',
    share: 'Share my score',
    shareText: 'I scored {score} in 2048!',
    up: 'Up',
    right: 'Right',
    down: 'Down',
    left: 'Left',
    moved: '{dir}. Score {score}.',
    merged: '{dir}: merged {tiles}. Score {score}.',
    congrats: 'You won a reward!',
  },
  'zh-CN': {
    board: '2048 棋盘：用方向键、WASD 或 HJKL 移动方块',
    score: '得分',
    best: '最高分',
    restart: '重新开始',
    playAgain: '再来一局',
    keepGoing: '继续挑战',
    won: '你合成了 2048！',
    over: '游戏结束',
    rewards: '奖励',
    tile: '合成 {n}：{title}',
    tileNamed: '合成“{label}”：{title}',
    points: '得分达到 {n}：{title}',
    codeIs: '，券码 ',
    claimed: '（已获得）',
    code: '券码',
    copy: '复制券码',
    copied: '已复制',
    copyFailed: '复制失败，券码已选中，请手动复制。',
    close: '关闭',
    checking: '正在验证成绩…',
    starting: '开局中…',
    share: '分享我的成绩',
    shareText: '我在 2048 拿了 {score} 分，来挑战我吧！',
    up: '向上',
    right: '向右',
    down: '向下',
    left: '向左',
    moved: '{dir}，得分 {score}。',
    merged: '{dir}，合成 {tiles}，得分 {score}。',
    congrats: '恭喜获得奖励！',
  },
};
