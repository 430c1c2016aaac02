/**
 * Number resources (码号资源): the blocks of numbers the ministry and the provincial administrations
 * allocate — mobile segments, 106 SMS ports, short codes — and who holds each on a given day.
 */
@org.springframework.modulith.ApplicationModule(displayName = "码号资源 numbering")
package org.telereg.platform.numbering;
