import { defineRouter } from '../../server/function'
import { getGroup } from '../../server/actions/getGroup'
import { getThread } from '../../server/actions/getThread'
import { deleteReply } from '../../server/actions/deleteReply'
import { editReply } from '../../server/actions/editReply'
import { featureReply } from '../../server/actions/featureReply'
import { getGroupWeek } from '../../server/actions/getGroupWeek'
import { getPrompt } from '../../server/actions/getPrompt'
import { hideReply } from '../../server/actions/hideReply'
import { likeReply } from '../../server/actions/likeReply'
import { listPrompts } from '../../server/actions/listPrompts'
import { listReplies } from '../../server/actions/listReplies'
import { nudgeMembers } from '../../server/actions/nudgeMembers'
import { postReply } from '../../server/actions/postReply'
import { savePrompt } from '../../server/actions/savePrompt'
import { listReflections } from '../../server/actions/listReflections'
import { reviewReflection } from '../../server/actions/reviewReflection'
import { submitReflection } from '../../server/actions/submitReflection'
import { setPromptState } from '../../server/actions/setPromptState'

/** A 党小组: its members, its discussion, its members' 学习心得 and its leader’s week. Routes `{ action, ...input }`. */
export const { main, uses } = defineRouter('group', {
  getGroup,
  listPrompts,
  getThread,
  getPrompt,
  savePrompt,
  setPromptState,
  listReplies,
  postReply,
  editReply,
  deleteReply,
  likeReply,
  featureReply,
  hideReply,
  getGroupWeek,
  nudgeMembers,
  submitReflection,
  reviewReflection,
  listReflections,
})
