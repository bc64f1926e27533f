-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: localhost    Database: mybb
-- ------------------------------------------------------
-- Synthetic MyBB 1.8 forum for Safeguard's mapping tests: invented people, ordinary chatter.
-- Tables as MyBB 1.8's installer creates them; mybb_users, mybb_usergroups and
-- mybb_threads are abridged to the columns the mapping reads plus neighbours (installer order).

/*!40101 SET NAMES utf8mb4 */;

DROP TABLE IF EXISTS `mybb_banned`;
CREATE TABLE `mybb_banned` (
  `uid` int unsigned NOT NULL DEFAULT '0',
  `gid` int unsigned NOT NULL DEFAULT '0',
  `oldgroup` int unsigned NOT NULL DEFAULT '0',
  `oldadditionalgroups` text NOT NULL,
  `olddisplaygroup` int NOT NULL DEFAULT '0',
  `admin` int unsigned NOT NULL DEFAULT '0',
  `dateline` int unsigned NOT NULL DEFAULT '0',
  `bantime` varchar(50) NOT NULL DEFAULT '',
  `lifted` int unsigned NOT NULL DEFAULT '0',
  `reason` varchar(255) NOT NULL DEFAULT '',
  KEY `uid` (`uid`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

LOCK TABLES `mybb_banned` WRITE;
INSERT INTO `mybb_banned` VALUES (4,7,2,'',0,1,1420156800,'---',0,'Spam links');
UNLOCK TABLES;

DROP TABLE IF EXISTS `mybb_usergroups`;
CREATE TABLE `mybb_usergroups` (
  `gid` smallint unsigned NOT NULL AUTO_INCREMENT,
  `type` tinyint unsigned NOT NULL DEFAULT '2',
  `title` varchar(120) NOT NULL DEFAULT '',
  `description` text NOT NULL,
  `namestyle` varchar(200) NOT NULL DEFAULT '{username}',
  `usertitle` varchar(120) NOT NULL DEFAULT '',
  `isbannedgroup` tinyint(1) NOT NULL DEFAULT '0',
  `canview` tinyint(1) NOT NULL DEFAULT '0',
  `cancp` tinyint(1) NOT NULL DEFAULT '0',
  `issupermod` tinyint(1) NOT NULL DEFAULT '0',
  PRIMARY KEY (`gid`)
) ENGINE=MyISAM AUTO_INCREMENT=8 DEFAULT CHARSET=utf8mb4;

LOCK TABLES `mybb_usergroups` WRITE;
INSERT INTO `mybb_usergroups` VALUES (1,1,'Guests','','{username}','Unregistered',0,1,0,0),(2,1,'Registered','','{username}','',0,1,0,0),(3,1,'Super Moderators','','<span style=\"color: #CC00CC;\"><strong>{username}</strong></span>','Super Moderator',0,1,0,1),(4,1,'Administrators','','<span style=\"color: green;\"><strong><em>{username}</em></strong></span>','Administrator',0,1,1,1),(5,1,'Awaiting Activation','','{username}','Account not Activated',0,1,0,0),(6,1,'Moderators','','<span style=\"color: #CC00CC;\"><strong>{username}</strong></span>','Staff',0,1,0,0),(7,1,'Banned','','<s>{username}</s>','Banned',1,0,0,0);
UNLOCK TABLES;

DROP TABLE IF EXISTS `mybb_users`;
CREATE TABLE `mybb_users` (
  `uid` int unsigned NOT NULL AUTO_INCREMENT,
  `username` varchar(120) NOT NULL DEFAULT '',
  `password` varchar(120) NOT NULL DEFAULT '',
  `salt` varchar(10) NOT NULL DEFAULT '',
  `loginkey` varchar(50) NOT NULL DEFAULT '',
  `email` varchar(220) NOT NULL DEFAULT '',
  `postnum` int unsigned NOT NULL DEFAULT '0',
  `usergroup` smallint unsigned NOT NULL DEFAULT '0',
  `additionalgroups` varchar(200) NOT NULL DEFAULT '',
  `displaygroup` smallint unsigned NOT NULL DEFAULT '0',
  `regdate` int unsigned NOT NULL DEFAULT '0',
  `lastactive` int unsigned NOT NULL DEFAULT '0',
  `lastvisit` int unsigned NOT NULL DEFAULT '0',
  `website` varchar(200) NOT NULL DEFAULT '',
  `icq` varchar(10) NOT NULL DEFAULT '',
  `skype` varchar(75) NOT NULL DEFAULT '',
  `google` varchar(75) NOT NULL DEFAULT '',
  `birthday` varchar(15) NOT NULL DEFAULT '',
  `signature` text NOT NULL,
  `timezone` varchar(5) NOT NULL DEFAULT '',
  `regip` varbinary(16) NOT NULL DEFAULT '',
  `lastip` varbinary(16) NOT NULL DEFAULT '',
  `language` varchar(50) NOT NULL DEFAULT '',
  PRIMARY KEY (`uid`),
  UNIQUE KEY `username` (`username`)
) ENGINE=MyISAM AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4;

LOCK TABLES `mybb_users` WRITE;
/*!40000 ALTER TABLE `mybb_users` DISABLE KEYS */;
INSERT INTO `mybb_users` VALUES (1,'admin_maya','5f4dcc3b5aa765d61d8327deb882cf99','Xy7Qp2Lm','lk1','maya.admin@gmail.com',2,4,'',0,1420070400,1451606400,1451600000,'https://example.org/maya','12345678','maya.sk','','1-2-1990','[url=https://example.org]My site[/url]','1',0xC6336408,0x20010DB8000000000000000000000042,''),(2,'mod_\\ben','e99a18c428cb38d5f260853678922e03','Ab3Cd4Ef','lk2','ben.mod@web.de',1,6,'',0,1420156800,1451692800,1451690000,'','','','','','','0',0x20010DB8000000000000000000000043,0xCB00710A,''),(3,'emoji_emma 🎉','25d55ad283aa400af464c76d713c07ad','Gh5Ij6Kl','lk3','emma@libero.it',1,2,'3',0,1420243200,1451779200,0,'','','','','','','0',_binary 'Emma',_binary 'Emma',''),(4,'\'); DROP TABLE x;--','d8578edf8458ce06fbc5bb76a58c5ca4','Mn7Op8Qr','lk4','',0,7,'',0,1420329600,0,0,'','','','','','','0',0xCB00710B,0xCB00710B,'');
/*!40000 ALTER TABLE `mybb_users` ENABLE KEYS */;
UNLOCK TABLES;

DROP TABLE IF EXISTS `mybb_userfields`;
CREATE TABLE `mybb_userfields` (
  `ufid` int unsigned NOT NULL DEFAULT '0',
  `fid1` text,
  `fid2` text,
  `fid3` text,
  PRIMARY KEY (`ufid`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

LOCK TABLES `mybb_userfields` WRITE;
INSERT INTO `mybb_userfields` VALUES (1,'Utrecht','I coach the under-12 team','Undisclosed'),(2,'','',''),(3,NULL,NULL,NULL);
UNLOCK TABLES;

DROP TABLE IF EXISTS `mybb_threads`;
CREATE TABLE `mybb_threads` (
  `tid` int unsigned NOT NULL AUTO_INCREMENT,
  `fid` smallint unsigned NOT NULL DEFAULT '0',
  `subject` varchar(120) NOT NULL DEFAULT '',
  `prefix` smallint unsigned NOT NULL DEFAULT '0',
  `icon` smallint unsigned NOT NULL DEFAULT '0',
  `poll` int unsigned NOT NULL DEFAULT '0',
  `uid` int unsigned NOT NULL DEFAULT '0',
  `username` varchar(80) NOT NULL DEFAULT '',
  `dateline` int unsigned NOT NULL DEFAULT '0',
  `firstpost` int unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (`tid`)
) ENGINE=MyISAM AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4;

LOCK TABLES `mybb_threads` WRITE;
INSERT INTO `mybb_threads` VALUES (1,2,'Weekend plans',0,0,0,1,'admin_maya',1420500000,1);
UNLOCK TABLES;

DROP TABLE IF EXISTS `mybb_posts`;
CREATE TABLE `mybb_posts` (
  `pid` int unsigned NOT NULL AUTO_INCREMENT,
  `tid` int unsigned NOT NULL DEFAULT '0',
  `replyto` int unsigned NOT NULL DEFAULT '0',
  `fid` smallint unsigned NOT NULL DEFAULT '0',
  `subject` varchar(120) NOT NULL DEFAULT '',
  `icon` smallint unsigned NOT NULL DEFAULT '0',
  `uid` int unsigned NOT NULL DEFAULT '0',
  `username` varchar(80) NOT NULL DEFAULT '',
  `dateline` int unsigned NOT NULL DEFAULT '0',
  `message` text NOT NULL,
  `ipaddress` varbinary(16) NOT NULL DEFAULT '',
  `includesig` tinyint(1) NOT NULL DEFAULT '0',
  `smilieoff` tinyint(1) NOT NULL DEFAULT '0',
  `edituid` int unsigned NOT NULL DEFAULT '0',
  `edittime` int unsigned NOT NULL DEFAULT '0',
  `editreason` varchar(150) NOT NULL DEFAULT '',
  `visible` tinyint(1) NOT NULL DEFAULT '0',
  PRIMARY KEY (`pid`),
  KEY `tid` (`tid`,`uid`)
) ENGINE=MyISAM AUTO_INCREMENT=4 DEFAULT CHARSET=utf8mb4;

LOCK TABLES `mybb_posts` WRITE;
/*!40000 ALTER TABLE `mybb_posts` DISABLE KEYS */;
INSERT INTO `mybb_posts` VALUES (1,1,0,2,'Weekend plans',0,1,'admin_maya',1420500000,'Who is going to the [b]lake[/b]?\nBring [color=red]snacks[/color] & ask <handle>.',0xC6336408,1,0,0,0,'',1),(2,1,1,2,'RE: Weekend plans',0,2,'mod_\\ben',1420503600,'[quote=\'admin_maya\' pid=\'1\' dateline=\'1420500000\']Who is going?[/quote]Me! C:\\Users\\ben has the map 🗺️',0x20010DB8000000000000000000000043,1,0,2,1420507200,'typo',1),(3,1,2,2,'RE: Weekend plans',0,3,'emoji_emma 🎉',1420590000,'\'); DROP TABLE x;-- sorry, cat on keyboard',_binary 'Emma',1,0,0,0,'',1);
/*!40000 ALTER TABLE `mybb_posts` ENABLE KEYS */;
UNLOCK TABLES;

DROP TABLE IF EXISTS `mybb_privatemessages`;
CREATE TABLE `mybb_privatemessages` (
  `pmid` int unsigned NOT NULL AUTO_INCREMENT,
  `uid` int unsigned NOT NULL DEFAULT '0',
  `toid` int unsigned NOT NULL DEFAULT '0',
  `fromid` int unsigned NOT NULL DEFAULT '0',
  `recipients` text NOT NULL,
  `folder` smallint unsigned NOT NULL DEFAULT '1',
  `subject` varchar(120) NOT NULL DEFAULT '',
  `icon` smallint unsigned NOT NULL DEFAULT '0',
  `message` text NOT NULL,
  `dateline` int unsigned NOT NULL DEFAULT '0',
  `deletetime` int unsigned NOT NULL DEFAULT '0',
  `status` tinyint(1) NOT NULL DEFAULT '0',
  `statustime` int unsigned NOT NULL DEFAULT '0',
  `includesig` tinyint(1) NOT NULL DEFAULT '0',
  `smilieoff` tinyint(1) NOT NULL DEFAULT '0',
  `receipt` tinyint(1) NOT NULL DEFAULT '0',
  `readtime` int unsigned NOT NULL DEFAULT '0',
  `ipaddress` varbinary(16) NOT NULL DEFAULT '',
  PRIMARY KEY (`pmid`),
  KEY `uid` (`uid`,`folder`)
) ENGINE=MyISAM AUTO_INCREMENT=8 DEFAULT CHARSET=utf8mb4;

LOCK TABLES `mybb_privatemessages` WRITE;
/*!40000 ALTER TABLE `mybb_privatemessages` DISABLE KEYS */;
INSERT INTO `mybb_privatemessages` VALUES (1,2,2,1,'a:2:{s:2:\"to\";a:1:{i:0;s:1:\"2\";}s:3:\"bcc\";a:1:{i:0;s:1:\"3\";}}',1,'Lake trip',0,'Can you [b]drive[/b] on Saturday?',1420600000,0,1,1420601000,1,0,0,1420601000,0xC6336408),(2,3,3,1,'a:2:{s:2:\"to\";a:1:{i:0;s:1:\"2\";}s:3:\"bcc\";a:1:{i:0;s:1:\"3\";}}',1,'Lake trip',0,'Can you [b]drive[/b] on Saturday?',1420600000,0,0,0,1,0,0,0,0xC6336408),(3,1,2,1,'a:2:{s:2:\"to\";a:1:{i:0;s:1:\"2\";}s:3:\"bcc\";a:1:{i:0;s:1:\"3\";}}',2,'Lake trip',0,'Can you [b]drive[/b] on Saturday?',1420600000,0,1,0,1,0,0,0,0xC6336408),(4,1,1,2,'a:1:{s:2:\"to\";a:2:{i:0;i:1;i:1;i:4;}}',1,'Re: Lake trip',0,'Sure, 8 o\'clock \\o/',1420610000,0,1,0,1,0,0,0,0x20010DB8000000000000000000000043),(5,4,4,2,'a:1:{s:2:\"to\";a:2:{i:0;i:1;i:1;i:4;}}',1,'Re: Lake trip',0,'Sure, 8 o\'clock \\o/',1420610000,0,0,0,1,0,0,0,0x20010DB8000000000000000000000043),(6,2,1,2,'a:1:{s:2:\"to\";a:2:{i:0;i:1;i:1;i:4;}}',2,'Re: Lake trip',0,'Sure, 8 o\'clock \\o/',1420610000,0,1,0,1,0,0,0,0x20010DB8000000000000000000000043),(7,3,0,3,'a:1:{s:2:\"to\";a:1:{i:0;s:1:\"1\";}}',3,'draft',0,'unfinished thought',1420620000,0,0,0,1,0,0,0,_binary 'Emma');
/*!40000 ALTER TABLE `mybb_privatemessages` ENABLE KEYS */;
UNLOCK TABLES;

DROP TABLE IF EXISTS `mybb_sessions`;
CREATE TABLE `mybb_sessions` (
  `sid` varchar(32) NOT NULL DEFAULT '',
  `uid` int unsigned NOT NULL DEFAULT '0',
  `ip` varbinary(16) NOT NULL DEFAULT '',
  `time` int unsigned NOT NULL DEFAULT '0',
  `location` varchar(150) NOT NULL DEFAULT '',
  `useragent` varchar(200) NOT NULL DEFAULT '',
  `anonymous` tinyint(1) NOT NULL DEFAULT '0',
  `nopermission` tinyint(1) NOT NULL DEFAULT '0',
  `location1` int unsigned NOT NULL DEFAULT '0',
  `location2` int unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (`sid`)
) ENGINE=MEMORY DEFAULT CHARSET=utf8mb4;

LOCK TABLES `mybb_sessions` WRITE;
INSERT INTO `mybb_sessions` VALUES ('a1b2c3d4e5f60718293a4b5c6d7e8f90',1,0x20010DB8000000000000000000000042,1451606400,'/index.php','Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) Safari/605.1.15',0,0,0,0),('0f9e8d7c6b5a49382716051423324150',0,0xCB00710C,1451606500,'/showthread.php?tid=1','Googlebot/2.1 (+http://www.google.com/bot.html)',0,0,1,0);
UNLOCK TABLES;

-- Dump completed on 2016-01-01 12:00:00
