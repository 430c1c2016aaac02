/**
 * Credit management (信用管理): the bad-operator and dishonest lists, watch records, rectification
 * orders, and the compliance gate every grant passes through.
 */
@org.springframework.modulith.ApplicationModule(displayName = "信用管理 credit")
package org.telereg.platform.credit;
