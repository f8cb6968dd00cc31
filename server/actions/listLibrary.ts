import { defineFunction } from '../function'
import { listLibrary as library } from '../study/library'

/** 学习 tab: books or articles on a shelf (全部/必修/选修/推荐/热门/上新), by category or title, 20 a page. */
export const listLibrary = defineFunction('listLibrary', (input, { db, caller, now }) => library(db, caller, now, input))
