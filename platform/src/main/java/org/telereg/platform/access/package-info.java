/** Users, roles, organisations, data scope, API tokens and login (用户与权限). */
@org.springframework.modulith.ApplicationModule(displayName = "用户与权限 access")
package org.telereg.platform.access;
