-- MySQL dump 10.13  Distrib 5.1.73, for redhat-linux-gnu (x86_64)
--
-- Host: localhost    Database: vb4
-- ------------------------------------------------------
-- Synthetic vBulletin 4.2 forum for Safeguard's mapping tests: invented people, ordinary chatter.
-- vBulletin is not open source: tables and columns follow Safeguard's formats.md notes;
-- `user`, `usergroup`, `thread` and `session` are abridged to the columns the mapping reads.
-- Tables are latin1 as vB's default; characters outside latin1 are stored as HTML NCRs.

/*!40101 SET NAMES utf8mb4 */;

DROP TABLE IF EXISTS `usergroup`;
CREATE TABLE `usergroup` (
  `usergroupid` smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  `title` char(100) NOT NULL DEFAULT '',
  `description` varchar(250) NOT NULL DEFAULT '',
  `usertitle` char(100) NOT NULL DEFAULT '',
  `adminpermissions` int(10) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (`usergroupid`)
) ENGINE=MyISAM AUTO_INCREMENT=9 DEFAULT CHARSET=latin1;

LOCK TABLES `usergroup` WRITE;
INSERT INTO `usergroup` VALUES (1,'Unregistered / Not Logged In','','Guest',0),(2,'Registered Users','','',0),(3,'Users Awaiting Email Confirmation','','',0),(4,'(COPPA) Users Awaiting Moderation','','',0),(5,'Super Moderators','','Super Moderator',0),(6,'Administrators','','Administrator',3),(7,'Moderators','','Moderator',0),(8,'Banned Users','','Banned',0);
UNLOCK TABLES;

DROP TABLE IF EXISTS `user`;
CREATE TABLE `user` (
  `userid` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `usergroupid` smallint(5) unsigned NOT NULL DEFAULT '0',
  `membergroupids` char(250) NOT NULL DEFAULT '',
  `displaygroupid` smallint(5) unsigned NOT NULL DEFAULT '0',
  `username` varchar(100) NOT NULL DEFAULT '',
  `password` char(32) NOT NULL DEFAULT '',
  `passworddate` date NOT NULL DEFAULT '0000-00-00',
  `email` char(100) NOT NULL DEFAULT '',
  `homepage` char(100) NOT NULL DEFAULT '',
  `icq` char(20) NOT NULL DEFAULT '',
  `aim` char(20) NOT NULL DEFAULT '',
  `yahoo` char(32) NOT NULL DEFAULT '',
  `msn` char(100) NOT NULL DEFAULT '',
  `skype` char(32) NOT NULL DEFAULT '',
  `joindate` int(10) unsigned NOT NULL DEFAULT '0',
  `lastvisit` int(10) unsigned NOT NULL DEFAULT '0',
  `lastactivity` int(10) unsigned NOT NULL DEFAULT '0',
  `timezoneoffset` char(4) NOT NULL DEFAULT '',
  `birthday` char(10) NOT NULL DEFAULT '',
  `ipaddress` varchar(45) NOT NULL DEFAULT '',
  `referrerid` int(10) unsigned NOT NULL DEFAULT '0',
  `salt` char(30) NOT NULL DEFAULT '',
  PRIMARY KEY (`userid`),
  KEY `usergroupid` (`usergroupid`)
) ENGINE=MyISAM AUTO_INCREMENT=5 DEFAULT CHARSET=latin1;

LOCK TABLES `user` WRITE;
/*!40000 ALTER TABLE `user` DISABLE KEYS */;
INSERT INTO `user` VALUES (1,6,'','0','admin_alex','0cc175b9c0f1b6a831c399e269772661','2012-05-01','alex.vb@gmail.com','http://example.org/alex','11223344','','','','alex.vb','1335830400','1356998400','1357000000','1','04-12-1980','198.51.100.20',0,'k$9\'Zq'),(2,7,'','0','mod_mike','92eb5ffee6ae2fec3ad71c777531578f','2012-05-02','mike@t-online.de','','','','','','','1335916800','1357084800','1357086000','-5','','2001:db8::20',1,'Pq\\r7x'),(3,2,'','0','lurker_lu','4a8a08f09d37b73795649038408b5f33','2012-05-03','lu@orange.fr','','','','','','','1336003200','1357171200','1357172000','0','','203.0.113.30',0,'ab1'),(4,8,'','0','\'); DROP TABLE x;--','8277e0910d750195b448797616e091ad','2012-05-04','','','','','','','','1336089600','0','0','0','','',0,'zz2');
/*!40000 ALTER TABLE `user` ENABLE KEYS */;
UNLOCK TABLES;

DROP TABLE IF EXISTS `userban`;
CREATE TABLE `userban` (
  `userid` int(10) unsigned NOT NULL DEFAULT '0',
  `usergroupid` smallint(5) unsigned NOT NULL DEFAULT '0',
  `displaygroupid` smallint(5) unsigned NOT NULL DEFAULT '0',
  `usertitle` varchar(250) NOT NULL DEFAULT '',
  `customtitle` smallint(6) NOT NULL DEFAULT '0',
  `adminid` int(10) unsigned NOT NULL DEFAULT '0',
  `bandate` int(10) unsigned NOT NULL DEFAULT '0',
  `liftdate` int(10) unsigned NOT NULL DEFAULT '0',
  `reason` varchar(250) NOT NULL DEFAULT '',
  PRIMARY KEY (`userid`)
) ENGINE=MyISAM DEFAULT CHARSET=latin1;

LOCK TABLES `userban` WRITE;
INSERT INTO `userban` VALUES (4,2,0,'',0,1,1336100000,0,'spam');
UNLOCK TABLES;

DROP TABLE IF EXISTS `userfield`;
CREATE TABLE `userfield` (
  `userid` int(10) unsigned NOT NULL DEFAULT '0',
  `temp` mediumtext,
  `field1` mediumtext,
  `field2` mediumtext,
  `field3` mediumtext,
  `field4` mediumtext,
  PRIMARY KEY (`userid`)
) ENGINE=MyISAM DEFAULT CHARSET=latin1;

LOCK TABLES `userfield` WRITE;
INSERT INTO `userfield` VALUES (1,NULL,'Likes chess','Caf&#233; district, Lyon','Chess, cycling','Baker'),(2,NULL,'','','',''),(3,NULL,NULL,NULL,NULL,NULL);
UNLOCK TABLES;

DROP TABLE IF EXISTS `usertextfield`;
CREATE TABLE `usertextfield` (
  `userid` int(10) unsigned NOT NULL DEFAULT '0',
  `subfolders` mediumtext,
  `pmfolders` mediumtext,
  `buddylist` mediumtext,
  `ignorelist` mediumtext,
  `signature` mediumtext,
  `searchprefs` mediumtext,
  `rank` mediumtext,
  PRIMARY KEY (`userid`)
) ENGINE=MyISAM DEFAULT CHARSET=latin1;

LOCK TABLES `usertextfield` WRITE;
INSERT INTO `usertextfield` VALUES (1,NULL,NULL,'','','[i]Keep it friendly[/i] &#128512;',NULL,NULL);
UNLOCK TABLES;

DROP TABLE IF EXISTS `thread`;
CREATE TABLE `thread` (
  `threadid` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `title` varchar(250) NOT NULL DEFAULT '',
  `prefixid` varchar(25) NOT NULL DEFAULT '',
  `firstpostid` int(10) unsigned NOT NULL DEFAULT '0',
  `lastpostid` int(10) unsigned NOT NULL DEFAULT '0',
  `lastpost` int(10) unsigned NOT NULL DEFAULT '0',
  `forumid` smallint(5) unsigned NOT NULL DEFAULT '0',
  `postuserid` int(10) unsigned NOT NULL DEFAULT '0',
  `postusername` varchar(100) NOT NULL DEFAULT '',
  `dateline` int(10) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (`threadid`)
) ENGINE=MyISAM AUTO_INCREMENT=2 DEFAULT CHARSET=latin1;

LOCK TABLES `thread` WRITE;
INSERT INTO `thread` VALUES (1,'Chess club &amp; caf&#233;','',1,3,1336300000,3,1,'admin_alex',1336200000);
UNLOCK TABLES;

DROP TABLE IF EXISTS `post`;
CREATE TABLE `post` (
  `postid` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `threadid` int(10) unsigned NOT NULL DEFAULT '0',
  `parentid` int(10) unsigned NOT NULL DEFAULT '0',
  `username` varchar(100) NOT NULL DEFAULT '',
  `userid` int(10) unsigned NOT NULL DEFAULT '0',
  `title` varchar(250) NOT NULL DEFAULT '',
  `dateline` int(10) unsigned NOT NULL DEFAULT '0',
  `pagetext` mediumtext,
  `allowsmilie` smallint(6) NOT NULL DEFAULT '0',
  `showsignature` smallint(6) NOT NULL DEFAULT '0',
  `ipaddress` varchar(45) NOT NULL DEFAULT '',
  `iconid` smallint(5) unsigned NOT NULL DEFAULT '0',
  `visible` smallint(6) NOT NULL DEFAULT '0',
  `attach` smallint(5) unsigned NOT NULL DEFAULT '0',
  `infraction` smallint(5) unsigned NOT NULL DEFAULT '0',
  `reportthreadid` int(10) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (`postid`),
  KEY `threadid` (`threadid`,`userid`)
) ENGINE=MyISAM AUTO_INCREMENT=4 DEFAULT CHARSET=latin1;

LOCK TABLES `post` WRITE;
/*!40000 ALTER TABLE `post` DISABLE KEYS */;
INSERT INTO `post` VALUES (1,1,0,'admin_alex',1,'Chess club &amp; caf&#233;',1336200000,'Meet at the [b]caf&#233;[/b] on Tuesday &#128512;\r\n[url=\"http://example.org/map\"]map[/url]',1,1,'198.51.100.20',0,1,0,0,0),(2,1,1,'mod_mike',2,'',1336250000,'[QUOTE=admin_alex;1]Meet at the caf&#233;[/QUOTE]\r\nI\'ll bring the \"big\" board \\ clock <handle>',1,1,'2001:db8::20',0,1,0,0,0),(3,1,2,'lurker_lu',3,'',1336300000,'\'); DROP TABLE x;-- oops, wrong window',1,1,'',0,1,0,0,0);
/*!40000 ALTER TABLE `post` ENABLE KEYS */;
UNLOCK TABLES;

DROP TABLE IF EXISTS `postlog`;
CREATE TABLE `postlog` (
  `postid` int(10) unsigned NOT NULL DEFAULT '0',
  `useragent` char(100) NOT NULL DEFAULT '',
  `ip` int(10) unsigned NOT NULL DEFAULT '0',
  `dateline` int(10) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (`postid`)
) ENGINE=MyISAM DEFAULT CHARSET=latin1;

LOCK TABLES `postlog` WRITE;
INSERT INTO `postlog` VALUES (1,'Mozilla/5.0 (Windows NT 6.1; WOW64) Chrome/19.0',3325256724,1336200000),(3,'Opera/9.80 (Android; Opera Mini/7.0)',3405803786,1336300000);
UNLOCK TABLES;

DROP TABLE IF EXISTS `pmtext`;
CREATE TABLE `pmtext` (
  `pmtextid` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `fromuserid` int(10) unsigned NOT NULL DEFAULT '0',
  `fromusername` varchar(100) NOT NULL DEFAULT '',
  `title` varchar(250) NOT NULL DEFAULT '',
  `message` mediumtext,
  `touserarray` mediumtext,
  `iconid` smallint(5) unsigned NOT NULL DEFAULT '0',
  `dateline` int(10) unsigned NOT NULL DEFAULT '0',
  `showsignature` smallint(5) unsigned NOT NULL DEFAULT '0',
  `allowsmilie` smallint(5) unsigned NOT NULL DEFAULT '1',
  `reportthreadid` int(10) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (`pmtextid`)
) ENGINE=MyISAM AUTO_INCREMENT=4 DEFAULT CHARSET=latin1;

LOCK TABLES `pmtext` WRITE;
INSERT INTO `pmtext` VALUES (1,1,'admin_alex','Tournament','Can you both [b]referee[/b] on Sunday?','a:2:{s:2:\"cc\";a:1:{i:2;s:8:\"mod_mike\";}s:3:\"bcc\";a:1:{i:3;s:9:\"lurker_lu\";}}',0,1336400000,1,1,0),(2,3,'lurker_lu','Hello','Thanks for the invite','a:1:{i:1;s:10:\"admin_alex\";}',0,1336410000,1,1,0),(3,2,'mod_mike','Rules','Please read the rules \\ both of you','a:1:{s:2:\"cc\";a:2:{i:1;s:10:\"admin_alex\";i:4;s:19:\"\'); DROP TABLE x;--\";}}',0,1336420000,1,1,0);
UNLOCK TABLES;

DROP TABLE IF EXISTS `pm`;
CREATE TABLE `pm` (
  `pmid` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `pmtextid` int(10) unsigned NOT NULL DEFAULT '0',
  `userid` int(10) unsigned NOT NULL DEFAULT '0',
  `folderid` smallint(6) NOT NULL DEFAULT '0',
  `messageread` smallint(5) unsigned NOT NULL DEFAULT '0',
  `parentpmid` int(10) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (`pmid`)
) ENGINE=MyISAM AUTO_INCREMENT=8 DEFAULT CHARSET=latin1;

LOCK TABLES `pm` WRITE;
INSERT INTO `pm` VALUES (1,1,1,-1,1,0),(2,1,2,0,1,0),(3,1,3,0,0,0),(4,2,1,0,1,0),(5,3,2,-1,1,0),(6,3,1,0,0,0),(7,3,4,0,0,0);
UNLOCK TABLES;

DROP TABLE IF EXISTS `session`;
CREATE TABLE `session` (
  `sessionhash` char(32) NOT NULL DEFAULT '',
  `userid` int(10) unsigned NOT NULL DEFAULT '0',
  `host` char(15) NOT NULL DEFAULT '',
  `idhash` char(32) NOT NULL DEFAULT '',
  `lastactivity` int(10) unsigned NOT NULL DEFAULT '0',
  `location` char(255) NOT NULL DEFAULT '',
  `useragent` char(100) NOT NULL DEFAULT '',
  `loggedin` smallint(5) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (`sessionhash`)
) ENGINE=MEMORY DEFAULT CHARSET=latin1;

LOCK TABLES `session` WRITE;
INSERT INTO `session` VALUES ('5d41402abc4b2a76b9719d911017c592',1,'198.51.100.21','aa','1357000000','/forum.php','Mozilla/5.0 (X11; Ubuntu; Linux x86_64) Firefox/17.0',1),('7d793037a0760186574b0282f2f435e7',0,'203.0.113.99','bb','1357000100','/index.php','Mozilla/5.0 (compatible; bingbot/2.0)',0);
UNLOCK TABLES;

DROP TABLE IF EXISTS `strikes`;
CREATE TABLE `strikes` (
  `striketime` int(10) unsigned NOT NULL DEFAULT '0',
  `strikeip` char(15) NOT NULL DEFAULT '',
  `username` varchar(100) NOT NULL DEFAULT '',
  KEY `striketime` (`striketime`)
) ENGINE=MyISAM DEFAULT CHARSET=latin1;

LOCK TABLES `strikes` WRITE;
INSERT INTO `strikes` VALUES (1356990000,'192.0.2.77','admin_alex');
UNLOCK TABLES;

-- Dump completed on 2013-01-01  1:00:00
